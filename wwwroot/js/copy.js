// Copy buttons (CopyButton.razor): the value is in data-copy, so no round trip to the server is needed.
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
  if (!button) return;
  const text = button.getAttribute("data-copy") ?? "";
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  const status = button.querySelector(".copy-status");
  if (status) {
    status.textContent = "copied";
    setTimeout(() => { status.textContent = ""; }, 1500);
  }
});
