export { LanguageSwitch } from "./LanguageSwitch";
