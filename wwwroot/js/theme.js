// The dashboard remembers the chosen theme in this browser (MainLayout reads and writes it through these).
window.auditdashTheme = {
  get: () => localStorage.getItem("auditdash-theme"),
  set: (value) => localStorage.setItem("auditdash-theme", value),
  systemDark: () => window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches,
};
