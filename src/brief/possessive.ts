/** "Russia’s", but "Freight railroads’" (a name ending in s takes the apostrophe alone). */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}
