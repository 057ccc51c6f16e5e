// The interface's words in Vietnamese and English. The language follows the browser's
// (browser.i18n.getUILanguage()); Vietnamese for "vi*", English otherwise.

const en = {
  leader: "Leader",
  document: "Document",
  instruction: "Instruction",
  number: "Number",
  note: "Note",
  title: "Title",
  name: "Name",
  refersTo: "Refers to",
  docType: "Type",
  code: "Number / symbol",
  issuer: "Issued by",
  date: "Date",
  speaker: "Speaker",
  verb: "Verb",
  value: "Value",
  unit: "Unit",
  addNote: "Add a note",
  editNote: "Edit note",
  saveNote: "Save",
  cancel: "Cancel",
  star: "Star",
  unstar: "Unstar",
  reject: "Reject",
  rejected: "Rejected",
  confirm: "Confirm",
  close: "Close",
  notePlaceholder: "Your note…",
  saved: "Saved",
  storageFull: "Storage is full: free some space; nothing was saved.",
  saveFailed: "Could not save",
  cardLabel: "Policy Lens annotation",
} as const;

export type MessageKey = keyof typeof en;

const vi: Record<MessageKey, string> = {
  leader: "Lãnh đạo",
  document: "Văn bản",
  instruction: "Chỉ đạo",
  number: "Số liệu",
  note: "Ghi chú",
  title: "Chức danh",
  name: "Họ tên",
  refersTo: "Chỉ",
  docType: "Loại văn bản",
  code: "Số, ký hiệu",
  issuer: "Cơ quan ban hành",
  date: "Ngày",
  speaker: "Người chỉ đạo",
  verb: "Động từ",
  value: "Giá trị",
  unit: "Đơn vị",
  addNote: "Thêm ghi chú",
  editNote: "Sửa ghi chú",
  saveNote: "Lưu",
  cancel: "Hủy",
  star: "Gắn sao",
  unstar: "Bỏ sao",
  reject: "Loại bỏ",
  rejected: "Đã loại bỏ",
  confirm: "Xác nhận",
  close: "Đóng",
  notePlaceholder: "Ghi chú của bạn…",
  saved: "Đã lưu",
  storageFull: "Bộ nhớ đã đầy: hãy giải phóng dung lượng; chưa lưu được gì.",
  saveFailed: "Không lưu được",
  cardLabel: "Chú thích Policy Lens",
};

export const CATALOGS = { en, vi } as const;
export type Language = keyof typeof CATALOGS;

export function languageOf(uiLanguage: string | undefined): Language {
  return uiLanguage?.toLowerCase().startsWith("vi") ? "vi" : "en";
}

export type Translate = (key: MessageKey) => string;

export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return (key) => catalog[key];
}
