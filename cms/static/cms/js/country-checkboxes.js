// The country checkboxes' filter box and "Ticked:" line (cms/widgets.py, CountryCheckboxes).
// Listens on the document, so it also serves pickers added after the page loaded.
(() => {
  const PICKER = "[data-cms-country-picker]";

  // Lower case without accents: "hrvaska" finds "Hrvaška", "aland" finds "Åland".
  const plain = (text) =>
    text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase().trim();

  const rows = (picker) =>
    [...picker.querySelectorAll("input[type=checkbox]")].map((box) => ({
      box,
      row: box.closest("label").parentElement,
      name: box.closest("label").textContent.trim(),
    }));

  function filter(picker, text) {
    const wanted = plain(text);
    let shown = 0;
    for (const { row, name } of rows(picker)) {
      const match = !wanted || plain(name).includes(wanted);
      row.hidden = !match;
      shown += match ? 1 : 0;
    }
    picker.querySelector("[data-cms-country-none]").hidden = shown > 0;
  }

  function showTicked(picker) {
    const names = rows(picker)
      .filter(({ box }) => box.checked)
      .map(({ name }) => name);
    picker.querySelector("[data-cms-country-ticked]").textContent = names.length
      ? names.join(", ")
      : picker.dataset.noneText;
  }

  document.addEventListener("input", (event) => {
    const box = event.target.closest("[data-cms-country-filter]");
    if (box) {
      filter(box.closest(PICKER), box.value);
    }
  });
  // Enter in the filter box would submit the whole page form.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.closest("[data-cms-country-filter]")) {
      event.preventDefault();
    }
  });
  document.addEventListener("change", (event) => {
    const picker = event.target.closest(PICKER);
    if (picker && event.target.matches("input[type=checkbox]")) {
      showTicked(picker);
    }
  });
})();
