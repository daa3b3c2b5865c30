/** A sensitivity line as the engine reports it, made from its outputs at the five percentiles. */
import type { SensitivityResult } from "../../../src/engine/case-simulation";

type SensitivityLine = SensitivityResult["lines"][number];

/** The line's inputs are its outputs (a stand-in: the charts and cells read outputs only). */
export function sensitivityLine(label: string, index: number, outputs: number[]): SensitivityLine {
  return {
    label,
    index,
    inputs: outputs,
    outputs,
    low: outputs[0],
    high: outputs[outputs.length - 1],
    swing: Math.abs(outputs[outputs.length - 1] - outputs[0]),
  };
}
