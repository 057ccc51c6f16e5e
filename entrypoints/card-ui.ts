// Injected on demand into a page's content-script world (see entrypoints/content/card-ui.ts).
import { CardHost } from "./content/card";
import { publishCardUi } from "./content/card-ui";

export default defineUnlistedScript(() => {
  publishCardUi({ CardHost });
});
