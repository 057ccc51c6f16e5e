import { useEffect, useState } from "preact/hooks";
import type { PageAnnotations } from "@/lib/messages";
import { AnnotationList } from "./AnnotationList";

export type LoadPage = () => Promise<PageAnnotations | null>;

type State = { status: "loading" } | { status: "none" } | { status: "ready"; page: PageAnnotations };

export function Popup({ loadPage }: { loadPage: LoadPage }) {
  const [state, setState] = useState<State>({ status: "loading" });
  useEffect(() => {
    let live = true;
    loadPage()
      .then((page) => live && setState(page ? { status: "ready", page } : { status: "none" }))
      .catch(() => live && setState({ status: "none" }));
    return () => {
      live = false;
    };
  }, [loadPage]);

  return (
    <main class="popup">
      <header>
        <h1>Policy Lens</h1>
      </header>
      {state.status === "loading" && <p class="status">Đang đọc trang… · Reading the page…</p>}
      {state.status === "none" && (
        <p class="status" role="status">
          Trang này không có bài viết được đánh dấu. · Nothing is annotated on this page.
        </p>
      )}
      {state.status === "ready" && (
        <>
          <p class="page-title" title={state.page.url}>
            {state.page.title}
          </p>
          <AnnotationList annotations={state.page.annotations} />
        </>
      )}
    </main>
  );
}
