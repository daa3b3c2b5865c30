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

/**
 * splitmix32's finaliser (murmur3's fmix32): a bijection of the 32-bit words, each xor-shift and
 * odd multiplication invertible, that sends 0 to 0.
 */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** splitmix32: spreads any 32-bit seed over the whole state space. */
function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0;
  return [state, mix32(state)];
}

export class Sfc32 implements UniformSource {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed any whole number in [0, 2^53). Its low 32 bits seed the state through splitmix32;
   * its high bits, when any, then change the last state word through splitmix32's finaliser, a
   * one-to-one map that sends only 0 to 0. Two different seeds therefore never start from the
   * same state, and a seed below 2^32 starts where it always has.
   */
  constructor(seed: number) {
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    let s = low;
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
    this.d = (out ^ mix32(high)) | 0;
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
