export { StatisticSeek } from "./StatisticSeek";
