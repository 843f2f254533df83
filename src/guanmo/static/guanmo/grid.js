// The monthly report grid: keyboard moves between cells, a block pasted from Excel fills the
// cells from the one pasted into, and the totals follow as you type. Amounts are added as
// integers of 1/10000 万元 (BigInt), so the totals are exact, as the server's are.
(() => {
  const grid = document.getElementById("grid");
  if (!grid) return;
  const rows = Array.from(grid.tBodies[0].rows);
  const cells = (row) => Array.from(row.querySelectorAll("input, textarea"));
  const SCALE = 4;

  // A comma only separates thousands: "210,5" (210.5? 2105?) is not guessed, as on the server.
  const AMBIGUOUS = "无法确定这个数的写法：逗号只能作千位分隔（如1,234.5），小数请用小数点";
  function toUnits(text) {
    let cleaned = String(text).replace(/，/g, ",").replace(/\s/g, "").replace(/万元$/, "");
    if (cleaned.includes(",")) {
      if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) return null;
      cleaned = cleaned.replace(/,/g, "");
    }
    if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
    const [whole, fraction = ""] = cleaned.split(".");
    return BigInt(whole + (fraction + "0000").slice(0, SCALE));
  }
  function show(units) {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(SCALE + 1, "0");
    let text = digits.slice(0, -SCALE) + "." + digits.slice(-SCALE);
    text = text.replace(/0+$/, "").replace(/\.$/, "");
    return (negative ? "-" : "") + text;
  }

  function recompute() {
    let previousTotal = 0n, monthTotal = 0n, cumulativeTotal = 0n;
    for (const row of rows) {
      const previous = toUnits(row.dataset.previous || "0") ?? 0n;
      const [month, cumulative] = row.querySelectorAll("input");
      previousTotal += previous;
      const m = month.value.trim() ? toUnits(month.value) : null;
      const k = cumulative.value.trim() ? toUnits(cumulative.value) : null;
      for (const [input, units] of [[month, m], [cumulative, k]]) {
        const unreadable = input.value.trim() !== "" && units === null;
        input.classList.toggle("unreadable", unreadable);
        input.title = unreadable && input.value.includes(",") ? AMBIGUOUS : "";
      }
      month.placeholder = "";
      cumulative.placeholder = "";
      if (k !== null) {
        cumulativeTotal += k;
        monthTotal += m ?? k - previous;
        if (m === null) month.placeholder = show(k - previous);
      } else if (m !== null) {
        cumulativeTotal += previous + m;
        monthTotal += m;
        cumulative.placeholder = show(previous + m);
      } else {
        cumulativeTotal += previous;
      }
    }
    document.getElementById("total-previous").textContent = show(previousTotal);
    document.getElementById("total-month").textContent = show(monthTotal);
    document.getElementById("total-cumulative").textContent = show(cumulativeTotal);
  }

  function move(from, rowStep, columnStep) {
    const row = from.closest("tr");
    const rowIndex = rows.indexOf(row) + rowStep;
    const columnIndex = cells(row).indexOf(from) + columnStep;
    const target = rows[rowIndex] && cells(rows[rowIndex])[columnIndex];
    if (target) { target.focus(); if (target.select) target.select(); }
  }

  grid.addEventListener("keydown", (event) => {
    const cell = event.target;
    if (!cell.matches("input, textarea")) return;
    const atStart = cell.selectionStart === 0 && cell.selectionEnd === 0;
    const atEnd = cell.selectionStart === cell.value.length;
    if (event.key === "Enter" && !event.altKey && !event.shiftKey) {
      event.preventDefault(); move(cell, 1, 0);
    } else if (event.key === "Enter" && event.altKey && cell.tagName === "TEXTAREA") {
      event.preventDefault(); cell.setRangeText("\n", cell.selectionStart, cell.selectionEnd, "end");
    } else if (event.key === "ArrowDown" && (cell.tagName === "INPUT" || atEnd)) {
      event.preventDefault(); move(cell, 1, 0);
    } else if (event.key === "ArrowUp" && (cell.tagName === "INPUT" || atStart)) {
      event.preventDefault(); move(cell, -1, 0);
    } else if (event.key === "ArrowRight" && atEnd) {
      event.preventDefault(); move(cell, 0, 1);
    } else if (event.key === "ArrowLeft" && atStart) {
      event.preventDefault(); move(cell, 0, -1);
    }
  });

  // Excel puts a block on the clipboard as tab-separated lines; a cell holding a line break is
  // quoted, with its quotes doubled.
  function parseBlock(text) {
    const lines = [];
    let row = [], cell = "", quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"' && cell === "") quoted = true;
      else if (ch === "\t") { row.push(cell); cell = ""; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        row.push(cell); lines.push(row); row = []; cell = "";
      } else cell += ch;
    }
    if (cell !== "" || row.length) { row.push(cell); lines.push(row); }
    return lines;
  }

  grid.addEventListener("paste", (event) => {
    const cell = event.target;
    if (!cell.matches("input, textarea")) return;
    const text = (event.clipboardData || window.clipboardData).getData("text");
    if (!/[\t\n]/.test(text.replace(/\n$/, ""))) return; // one value: let the browser paste it
    event.preventDefault();
    const startRow = rows.indexOf(cell.closest("tr"));
    const startColumn = cells(cell.closest("tr")).indexOf(cell);
    grid.closest("form").dataset.dirty = "1";
    parseBlock(text).forEach((values, r) => {
      const row = rows[startRow + r];
      if (!row) return;
      values.forEach((value, c) => {
        const target = cells(row)[startColumn + c];
        if (target) target.value = value.trim();
      });
    });
    recompute();
  });

  // Once saved, a line holds both figures. Typing a new one of the pair clears the other when it
  // merely followed from the old value, so it follows the new one (shown as a placeholder).
  grid.addEventListener("focusin", (event) => {
    const cell = event.target;
    if (cell.tagName === "INPUT") cell.dataset.before = cell.value;
  });
  grid.addEventListener("input", (event) => {
    const cell = event.target;
    const row = cell.closest("tr");
    const [month, cumulative] = row ? row.querySelectorAll("input") : [];
    if (cell === month || cell === cumulative) {
      const other = cell === month ? cumulative : month;
      const previous = toUnits(row.dataset.previous || "0") ?? 0n;
      const before = toUnits(cell.dataset.before || "");
      const otherValue = toUnits(other.value);
      if (before !== null && otherValue !== null) {
        const followed = cell === month ? previous + before : before - previous;
        if (otherValue === followed) other.value = "";
      }
      cell.dataset.before = cell.value;
    }
    recompute();
  });
  recompute();
  grid.dataset.ready = "1"; // its handlers are attached: tests wait for this
})();
