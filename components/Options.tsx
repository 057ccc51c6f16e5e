import { GOVERNMENT_DOMAINS } from "@/lib/sites";

export function Options() {
  return (
    <main style={{ font: "14px/1.5 system-ui, sans-serif", maxWidth: "720px", margin: "24px auto" }}>
      <h1>Policy Lens</h1>
      <p>
        Policy Lens đánh dấu lãnh đạo, văn bản chỉ đạo và số liệu trong bài viết trên các trang tin Chính phủ.
        It highlights leaders, directives and numbers in articles on these sites:
      </p>
      <ul>
        {GOVERNMENT_DOMAINS.map((d) => (
          <li key={d}>
            <code>{d}</code>
            {d === "gov.vn" ? " (mọi trang *.gov.vn · every *.gov.vn site)" : ""}
          </li>
        ))}
      </ul>
    </main>
  );
}
