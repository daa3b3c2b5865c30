/**
 * A small seeded PRNG, so a seed reproduces a simulation on every machine, in a custom function,
 * the task pane or the CLI. Never the unseeded global generator.
 *
 * sfc32 ("Small Fast Counting", Chris Doty-Humphrey, PractRand), seeded through splitmix32
 * (Steele, Lea & Flood). 32-bit integer arithmetic only, so results are identical everywhere.
 */

interface UniformSource {
  /** A uniform draw in [0, 1) with 32 bits of resolution. */
  next(): number;
}

const TWO_POW_32 = 4294967296;

/** splitmix32: spreads any 32-bit seed over the whole state space. */
function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0;
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [state, (z ^ (z >>> 16)) >>> 0];
}

export class Sfc32 implements UniformSource {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed any whole number in [0, 2^53); its low and high 32 bits both enter the state.
   */
  constructor(seed: number) {
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    let s = low ^ Math.imul(high, 0x27d4eb2d);
    let out: number;
    // `| 0` stores the state as int32 from the start, as nextUint32 does: fields first assigned
    // uint32 values made V8 box every later store, about 3.5 times slower (same outputs).
    [s, out] = splitmix32(s);
    this.a = out | 0;
    [s, out] = splitmix32(s);
    this.b = out | 0;
    [s, out] = splitmix32(s);
    this.c = out | 0;
    [, out] = splitmix32(s);
    this.d = out | 0;
    // Discard the first outputs, as the reference implementation does, to decorrelate nearby seeds.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }
}
