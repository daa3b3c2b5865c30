export { UseCaseLines } from "./UseCaseLines";
