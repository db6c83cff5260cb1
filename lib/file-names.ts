/** A file name without its one trailing extension ("SGP_1998.txt" -> "SGP_1998"), as an archivist wrote it: metadata,
 *  the names a question is read against and the eval's document keys all compare file names this way. */
export function fileStem(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}
