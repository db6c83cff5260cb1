// Dutch stop words: the Snowball Dutch list (function words only), minus "wezen" (also a noun), plus the
// question words users start queries with. Deliberately short: a long generic list (stopwords-iso)
// removed content words and lowered recall in earlier measurements.
export const DUTCH_STOPWORDS: ReadonlySet<string> = new Set(
  `aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge
  geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar
  me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch
  toen tot u uit uw van veel voor want waren was wat we werd wie wil worden wordt zal ze zelf zich zij zijn
  zo zonder zou welk welke wanneer waarom hoeveel`
    .split(/\s+/)
    .filter(Boolean),
);
