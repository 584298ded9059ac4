/**
 * One undo log, in order, for everything the search changes as it goes down: cells, bucket
 * maxima, box kills, box charges and branching scores. Restoring old values (rather than
 * subtracting again) keeps floating-point state bit for bit.
 */
export class Trail {
  #kind = new Uint8Array(1024);
  #at = new Int32Array(1024);
  #old = new Float64Array(1024);
  #top = 0;

  reset(): void {
    this.#top = 0;
  }
  mark(): number {
    return this.#top;
  }
  pushCell(at: number, old: number): void {
    this.#push(0, at, old);
  }
  pushMax(at: number, old: number): void {
    this.#push(1, at, old);
  }
  pushDead(b: number): void {
    this.#push(2, b, 0);
  }
  pushCharge(b: number, old: number): void {
    this.#push(3, b, old);
  }
  pushScore(v: number, old: number): void {
    this.#push(4, v, old);
  }
  undo(
    mark: number,
    S: Float64Array,
    bm: Float64Array,
    dead: Int32Array,
    charge: Int32Array,
    score: Float64Array,
  ): void {
    while (this.#top > mark) {
      const t = --this.#top;
      const at = this.#at[t] as number;
      switch (this.#kind[t]) {
        case 0:
          S[at] = this.#old[t] as number;
          break;
        case 1:
          bm[at] = this.#old[t] as number;
          break;
        case 2:
          dead[at] = 0;
          break;
        case 3:
          charge[at] = this.#old[t] as number;
          break;
        default:
          score[at] = this.#old[t] as number;
      }
    }
  }
  #push(kind: number, at: number, old: number): void {
    if (this.#top === this.#at.length) {
      const size = this.#at.length * 2;
      const kinds = new Uint8Array(size);
      kinds.set(this.#kind);
      const ats = new Int32Array(size);
      ats.set(this.#at);
      const olds = new Float64Array(size);
      olds.set(this.#old);
      this.#kind = kinds;
      this.#at = ats;
      this.#old = olds;
    }
    this.#kind[this.#top] = kind;
    this.#at[this.#top] = at;
    this.#old[this.#top++] = old;
  }
}
