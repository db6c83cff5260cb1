// Dutch stop words, in two lists of one model. DUTCH_STOPWORDS: the Snowball Dutch list (function words only),
// minus "wezen" (also a noun), plus the question words users start queries with. Deliberately short: a long
// generic list (stopwords-iso) removed content words and lowered recall in earlier measurements.
export const DUTCH_STOPWORDS: ReadonlySet<string> = new Set(
  `aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge
  geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar
  me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch
  toen tot u uit uw van veel voor want waren was wat we werd wie wil worden wordt zal ze zelf zich zij zijn
  zo zonder zou welk welke wanneer waarom hoeveel`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that frame a question ("wat wordt bedoeld met ...", "volgens ...") or fill it, but never say which
 *  passage answers it. With DUTCH_STOPWORDS they are what a question's content terms leave out. The causative
 *  "laten" is here with the modal verbs: "partijleden laten meebeslissen" asks about the members and the deciding.
 *  Pronouns the Snowball list lacks ("Wat verstaan wij onder …") fill a question; left in the index as they were. */
export const QUESTION_FRAME_WORDS: ReadonlySet<string> = new Set(
  `alle alleen ander anders bijna jij wel wezen welken waar waardoor waarmee waarover waarin hoezeer
  bedoeld bedoelt verstaan betekent betekenen noemt noemen zegt gezegd staat archief volgens eigenlijk precies
  gebeurt gaat gaan heet werden vindt vinden kun kunt zouden mogen mag tijdens zowel
  verstaat willen wilde wilden vond vonden doet deed deden
  zei zeiden zeggen denkt denken dacht dachten kijkt kijken keek keken stond stonden laten laat liet lieten
  wij onze jullie hen zulke`
    .split(/\s+/)
    .filter(Boolean),
);
