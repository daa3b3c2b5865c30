/**
 * The payback status names the benchmark the user typed, in both dialects: the complete model's
 * payback (about 6.0 months) reads "At the leaders' pace (≤ 14 months)" with the default leaders'
 * benchmark, "Slower than leaders, within 36 months" once the user types 5, and "At the laggards'
 * pace (> 5 months)" with leaders at 4 and laggards at 5. What it protects: a status text with
 * the seed's 14 written into it.
 */
import { MemoryHost } from "../../src/host/memory";
import { planCompleteModel } from "../../src/templates/index";
import { nameValue } from "./memory-support";

describe.each(["live", "portable"] as const)("payback status against the typed benchmark (%s)", (dialect) => {
  it("says the benchmarks the user typed", async () => {
    const host = new MemoryHost();
    const plans = planCompleteModel({ data: "sample", currency: "NT$", locale: "en" });
    await host.applyPlans(plans, { dialect });
    const payback = (await nameValue(host, "PaybackMonths")) as number;
    expect(payback).toBeGreaterThan(5);
    expect(payback).toBeLessThan(7);
    expect(await nameValue(host, "PaybackStatus")).toBe("At the leaders' pace (≤ 14 months)");
    const at = await host.locateNames(["LeaderPaybackMonths", "LaggardPaybackMonths"]);
    const write = (name: "LeaderPaybackMonths" | "LaggardPaybackMonths", value: number) =>
      host.writeCells([{ sheet: at[name]!.sheet, address: at[name]!.address, values: [[value]] }]);
    await write("LeaderPaybackMonths", 5);
    expect(await nameValue(host, "PaybackStatus")).toBe("Slower than leaders, within 36 months");
    await write("LeaderPaybackMonths", 4);
    await write("LaggardPaybackMonths", 5);
    expect(await nameValue(host, "PaybackStatus")).toBe("At the laggards' pace (> 5 months)");
  }, 60_000);
});
