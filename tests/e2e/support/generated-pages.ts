// Pages the fixture server makes instead of reading them from disk (see e2e-pages.json `generate`):
// too large to keep as files, and deterministic, so every run serves the same bytes.

/** A small deterministic generator (mulberry32): the same page on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
const MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Đức", "Hữu", "Ngọc", "Xuân", "Hồng"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lâm", "Long", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Vinh"];
const TITLES = ["Phó Chủ tịch UBND tỉnh", "Giám đốc Sở Kế hoạch và Đầu tư", "Bộ trưởng Bộ Tài chính", "Thứ trưởng Bộ Xây dựng", "Phó Giám đốc Sở Giao thông vận tải"];
const PROJECTS = ["đường giao thông liên xã", "trường tiểu học", "trạm y tế xã", "kênh thủy lợi", "nhà văn hóa thôn", "cầu dân sinh", "khu tái định cư", "chợ nông thôn"];
const DOCS = [
  ["Quyết định số", "QĐ-UBND"],
  ["Nghị quyết số", "NQ-HĐND"],
  ["Kế hoạch số", "KH-UBND"],
  ["Công văn số", "UBND-KT"],
];

/**
 * A provincial news article with `count` entities in its body: paragraphs that each name a leader,
 * a document, a date, an amount of money and a percentage (five entities per paragraph), after a
 * short lead. A probe in the page records every animation frame until the content script marks
 * `policy-lens:annotate`, so a test can tell whether the page kept painting meanwhile.
 */
export function entitiesPage(count: number): string {
  const rnd = random(5000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const paragraphs: string[] = [];
  const perParagraph = 5;
  for (let i = 0; i < Math.ceil(count / perParagraph); i++) {
    const day = 1 + Math.floor(rnd() * 28);
    const month = 1 + Math.floor(rnd() * 12);
    const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const [docType, issuer] = pick(DOCS);
    const docNumber = 100 + i;
    const money = 5 + Math.floor(rnd() * 900);
    const percent = 10 + Math.floor(rnd() * 89);
    paragraphs.push(
      `<p>Ngày ${day}/${month}/2024, ${pick(TITLES)} ${name} kiểm tra công trình ${pick(PROJECTS)} theo ${docType} ${docNumber}/${issuer}; tổng mức đầu tư ${money} tỷ đồng, khối lượng thi công đạt ${percent}% kế hoạch.</p>`,
    );
  }
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Tổng hợp tiến độ các công trình đầu tư công năm 2024 | Cổng thông tin điện tử tỉnh Tây Ninh</title>
<meta property="article:published_time" content="2024-12-30T08:00:00+07:00">
<style>
  body { margin: 0; font: 16px/1.6 Arial, sans-serif; color: #222; background: #f4f4f4; }
  header, footer, nav { background: #0b4f8a; color: #fff; padding: 10px 20px; }
  nav a { color: #fff; margin-right: 14px; }
  main { max-width: 860px; margin: 0 auto; background: #fff; padding: 20px 28px; }
  .ticker { position: fixed; right: 8px; bottom: 8px; width: 12px; height: 12px; background: #c00; border-radius: 50%; }
</style>
<script>
  // The responsiveness probe: every animation frame's time, until the extension's measure appears.
  (function () {
    var probe = { frames: [], startedAt: performance.now(), annotatedAt: null };
    window.__vplProbe = probe;
    function frame() {
      var now = performance.now();
      probe.frames.push(now);
      if (probe.annotatedAt === null && performance.getEntriesByName("policy-lens:annotate", "measure").length > 0) probe.annotatedAt = now;
      // a few seconds more: the store's reply reaches the page after the measure
      if (probe.annotatedAt === null || now - probe.annotatedAt < 3000) requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  })();
</script>
</head>
<body>
<header><strong>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH TÂY NINH</strong></header>
<nav aria-label="Điều hướng"><a href="/">Trang chủ</a><a href="/tin-tuc">Tin tức</a><a href="/dau-tu">Đầu tư công</a><a href="/lien-he">Liên hệ</a></nav>
<main>
  <article class="detail-content">
    <h1>Tổng hợp tiến độ các công trình đầu tư công năm 2024</h1>
    <p class="sapo">Văn phòng UBND tỉnh tổng hợp kết quả kiểm tra tiến độ ${paragraphs.length} công trình đầu tư công trên địa bàn tỉnh trong năm 2024, phục vụ phiên họp thường kỳ cuối năm của UBND tỉnh.</p>
    <div class="body">
${paragraphs.join("\n")}
    </div>
    <p class="author">Văn phòng UBND tỉnh</p>
  </article>
</main>
<footer>Cơ quan chủ quản: UBND tỉnh Tây Ninh. Giấy phép số 46/GP-TTĐT.</footer>
<div class="ticker" aria-hidden="true"></div>
</body>
</html>
`;
}

/**
 * An article that never stops changing: a view counter inside the article body is replaced every
 * 150 ms (faster than the content script's debounce) and a clock outside it every second, as live
 * portals do. `count` entities in its body, as entitiesPage.
 */
export function livePage(count: number): string {
  return entitiesPage(count)
    .replace("<title>Tổng hợp tiến độ", "<title>Trực tiếp: tiến độ")
    .replace('<p class="author">', '<p class="views">Lượt xem: <span id="views">1.000</span></p>\n    <p class="author">')
    .replace(
      "</body>",
      `<div id="clock" aria-live="off">00:00:00</div>
<script>
  (function () {
    var views = 1000, ticks = 0;
    window.__vplTicks = function () { return ticks; };
    setInterval(function () {
      ticks++;
      document.getElementById("views").textContent = (++views).toLocaleString("vi-VN");
    }, 150);
    setInterval(function () { document.getElementById("clock").textContent = new Date().toTimeString().slice(0, 8); }, 1000);
  })();
</script>
</body>`,
    );
}

/** entitiesPage in decomposed Unicode (NFD: "ế" as e + ̂ + ́), as some editors and OCR pipelines write it. */
export function decomposedPage(count: number): string {
  return entitiesPage(count).replace("<title>Tổng hợp tiến độ", "<title>Bản NFD: tiến độ").normalize("NFD");
}

const FILLER = [
  "Các sở, ban, ngành và địa phương tiếp tục rà soát hồ sơ, hoàn thiện thủ tục và báo cáo kết quả thực hiện",
  "Tổ công tác đã làm việc với chủ đầu tư, đơn vị tư vấn giám sát và nhà thầu thi công về những vướng mắc còn tồn tại",
  "Hội đồng thẩm định đề nghị bổ sung thuyết minh, làm rõ nguồn vốn và phương án bồi thường, hỗ trợ tái định cư",
  "Người dân trong vùng dự án đồng thuận cao, bàn giao mặt bằng đúng tiến độ cam kết với chính quyền địa phương",
  "Đơn vị thi công bố trí thêm mũi thi công, tăng ca vào ban đêm để bù lại thời gian bị ảnh hưởng do mưa bão",
  "Cơ quan chuyên môn hướng dẫn các xã lập hồ sơ quyết toán, lưu trữ tài liệu và công khai thông tin theo quy định",
];

/**
 * A very long report (`megabytes` MiB of article text, as a legal compendium or a year's
 * minutes): the paragraphs of entitiesPage, each followed by plain running text, about one entity
 * per 250 bytes. The responsiveness probe of entitiesPage records every frame.
 */
export function hugePage(megabytes: number): string {
  const rnd = random(5_000_000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const target = megabytes * 1024 * 1024;
  const plain: string[] = [];
  let bytes = 0;
  while (bytes < target) {
    const sentence = `<p>${pick(FILLER)}; ${pick(FILLER).toLowerCase()}. ${pick(FILLER)}.</p>`;
    plain.push(sentence);
    bytes += Buffer.byteLength(sentence) + 250; // and the entity paragraph before it (250-300 bytes)
  }
  const page = entitiesPage(plain.length * 5);
  let i = 0;
  return page
    .replace("<title>Tổng hợp tiến độ", "<title>Toàn văn báo cáo: tiến độ")
    // the probe keeps recording while the later parts of the page are annotated
    .replace("now - probe.annotatedAt < 3000", "now - probe.annotatedAt < 120000")
    .replace(/(<p>Ngày [^\n]*<\/p>)/g, (p) => `${p}\n${plain[i++] ?? ""}`);
}

export const GENERATORS = {
  entities: entitiesPage,
  live: livePage,
  nfd: decomposedPage,
  huge: hugePage,
} satisfies Record<string, (count: number) => string>;
