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
    // As the engine has it: equal ends (both beyond the horizon) move nothing.
    swing:
      outputs[0] === outputs[outputs.length - 1] ? 0 : Math.abs(outputs[outputs.length - 1] - outputs[0]),
  };
}
