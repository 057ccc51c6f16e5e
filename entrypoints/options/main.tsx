import { render } from "preact";
import { browser } from "wxt/browser";
import { Options } from "@/components/Options";
import { languageOf } from "@/lib/i18n";
import "./style.css";

const language = languageOf(browser.i18n.getUILanguage());
document.documentElement.lang = language;
render(<Options language={language} />, document.getElementById("app")!);
