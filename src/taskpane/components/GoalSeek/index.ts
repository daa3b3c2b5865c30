export { GoalSeek } from "./GoalSeek";
