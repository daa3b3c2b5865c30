import {
  DRIVERS,
  positionOf,
  readDriver,
  settingAt,
  settingOf,
  sliderScale,
  valueFor,
} from "../../../src/taskpane/model/drivers";

describe("What-if drivers", () => {
  it("set rates directly in whole percent: benefit realisation 0–200%, adoption 0–100%", () => {
    expect(sliderScale(DRIVERS.benefitRealisation)).toEqual({ min: 0, max: 200 });
    expect(sliderScale(DRIVERS.adoptionTarget)).toEqual({ min: 0, max: 100 });
    expect(valueFor(DRIVERS.benefitRealisation, settingAt(DRIVERS.benefitRealisation, 135), null)).toBe(1.35);
  });

  it("scale prices from the saved value on a log scale: 0.25×–4× and 0.5×–2×, 1× in the middle", () => {
    expect(sliderScale(DRIVERS.apiPrice)).toEqual({ min: -40, max: 40 });
    expect(sliderScale(DRIVERS.peopleCost)).toEqual({ min: -20, max: 20 });
    expect(settingAt(DRIVERS.apiPrice, 0)).toBe(1);
    expect(valueFor(DRIVERS.apiPrice, settingAt(DRIVERS.apiPrice, 40), 0.002)).toBeCloseTo(0.008, 15);
    expect(valueFor(DRIVERS.peopleCost, settingAt(DRIVERS.peopleCost, -20), 80_000)).toBeCloseTo(40_000, 9);
    expect(valueFor(DRIVERS.peopleCost, 1.5, null)).toBeNull();
  });

  it("round-trips every slider position through the value it writes", () => {
    for (const spec of Object.values(DRIVERS)) {
      const { min, max } = sliderScale(spec);
      for (let p = min; p <= max; p++) {
        const value = valueFor(spec, settingAt(spec, p), 3.7)!;
        expect(positionOf(spec, settingOf(spec, value, 3.7)!)).toBe(p);
      }
    }
  });

  it("clamps a value beyond the slider to its end", () => {
    expect(positionOf(DRIVERS.adoptionTarget, 1.4)).toBe(100);
    expect(positionOf(DRIVERS.apiPrice, 100)).toBe(40);
    expect(positionOf(DRIVERS.apiPrice, 0)).toBe(-40);
  });

  it("prefer the Rollout sheet's company-wide adoption target to the ROI sheet's", () => {
    expect(readDriver(DRIVERS.adoptionTarget, { AdoptionTargetAll: [[0.8]], AdoptionTarget: [[1]] })).toEqual(
      {
        name: "AdoptionTargetAll",
        value: 0.8,
      },
    );
    expect(readDriver(DRIVERS.adoptionTarget, { AdoptionTargetAll: null, AdoptionTarget: [[1]] })).toEqual({
      name: "AdoptionTarget",
      value: 1,
    });
    expect(readDriver(DRIVERS.apiPrice, {})).toEqual({ name: null, value: null });
  });
});
