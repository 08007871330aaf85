// Times are shown in UTC; hovering one shows it in the viewer's own time zone.
document.addEventListener("mouseover", (event) => {
  const el = event.target instanceof Element ? event.target.closest("time[data-utc]") : null;
  if (!el || el.dataset.localised) return;
  const when = new Date(el.getAttribute("datetime"));
  if (!isNaN(when)) {
    el.title = "Your local time: " + when.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
    el.dataset.localised = "1";
  }
});
