import { makeStyles, tokens } from "@fluentui/react-components";

export const useHistogramStyles = makeStyles({
  root: {
    marginTop: 0,
    marginBottom: 0,
    marginLeft: 0,
    marginRight: 0,
    minWidth: 0,
  },
  svg: {
    display: "block",
    width: "100%",
    height: "120px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorNeutralStroke1,
  },
  // SVG presentation attributes cannot take CSS variables; the CSS `fill` property can.
  bar: {
    fill: tokens.colorBrandBackground,
  },
  loss: {
    fill: tokens.colorPaletteRedBackground3,
  },
  zero: {
    stroke: tokens.colorNeutralForeground2,
    strokeWidth: tokens.strokeWidthThin,
    strokeDasharray: "3 2",
    vectorEffect: "non-scaling-stroke",
  },
  axis: {
    display: "flex",
    justifyContent: "space-between",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});
