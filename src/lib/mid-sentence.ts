/**
 * A label ("Fast web development and MVPs") as it reads inside a sentence ("fast web development and MVPs"): only a
 * plain capitalised first word is lowered; a word that is capitalised throughout or inside ("SaaS", "AI", "APIs",
 * "ASP.NET") keeps its case, and so does everything after the first word.
 */
export function midSentence(label: string): string {
  const [first = '', ...rest] = label.split(' ');
  const plain = /^[A-Z][^A-Z]*$/.test(first);
  return [plain ? first[0]!.toLowerCase() + first.slice(1) : first, ...rest].join(' ');
}
