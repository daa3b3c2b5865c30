import type { HistogramBin } from "../../../engine/statistics";
import type { SimulationOptions, SimulationSummary } from "../../../engine/simulate";
import type { CorrelationReading } from "../../model/correlation";

export type SimulationRun =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly done: number; readonly total: number }
  | { readonly kind: "cancelled" }
  /** The Stress sheet is missing, or its line items cannot be simulated. */
  | { readonly kind: "unavailable"; readonly message: string }
  | {
      readonly kind: "done";
      readonly options: SimulationOptions;
      readonly summary: SimulationSummary;
      readonly bins: readonly HistogramBin[];
      /** What the run did with the Stress sheet's rank-correlation matrix. */
      readonly correlation: CorrelationReading;
      readonly at: Date;
      /** The Stress sheet the line items came from. */
      readonly sheet: string;
    };
