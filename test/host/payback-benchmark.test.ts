/**
 * The payback status names the benchmark the user typed, in both dialects: with the leaders'
 * benchmark at 18 months the complete model's payback (about 14.3 months) reads "At the leaders'
 * pace (≤ 18 months)", where the default 14 months reads "Slower than leaders, within 36 months".
 * What it protects: a status text with the seed's 14 written into it.
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
    expect(payback).toBeGreaterThan(14);
    expect(payback).toBeLessThan(18);
    expect(await nameValue(host, "PaybackStatus")).toBe("Slower than leaders, within 36 months");
    const at = await host.locateNames(["LeaderPaybackMonths", "LaggardPaybackMonths"]);
    const write = (name: "LeaderPaybackMonths" | "LaggardPaybackMonths", value: number) =>
      host.writeCells([{ sheet: at[name]!.sheet, address: at[name]!.address, values: [[value]] }]);
    await write("LeaderPaybackMonths", 18);
    expect(await nameValue(host, "PaybackStatus")).toBe("At the leaders' pace (≤ 18 months)");
    await write("LeaderPaybackMonths", 12);
    await write("LaggardPaybackMonths", 13);
    expect(await nameValue(host, "PaybackStatus")).toBe("At the laggards' pace (> 13 months)");
  }, 60_000);
});
