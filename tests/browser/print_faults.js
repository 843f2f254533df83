// What would print wrongly on the page (see test_printing.py): controls shown, no title, a
// table cut or wider than A4, a table whose header would not repeat or whose rows could split.
([controls, width]) => {
    const faults = [];
    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
    for (const e of document.querySelectorAll(controls)) if (shown(e)) faults.push(`印出了${e.tagName}.${e.className}：${e.textContent.trim().slice(0, 20)}`);
    const h1 = document.querySelector("main h1");
    if (!h1 || !shown(h1)) faults.push("没有标题");
    if (document.documentElement.scrollWidth > width + 1) faults.push(`页面宽${document.documentElement.scrollWidth}，超出A4`);
    for (const table of document.querySelectorAll("main table")) {
      if (!shown(table)) continue;
      const box = table.getBoundingClientRect();
      if (box.left < -1 || box.right > width + 1) faults.push(`表格超出A4：${box.left}—${box.right}`);
      for (let e = table.parentElement; e; e = e.parentElement) {
        if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible") faults.push(`表格被${e.className || e.tagName}截断`);
      }
      const head = table.tHead;
      if (head && getComputedStyle(head).display !== "table-header-group") faults.push("表头不在每页重复");
      const row = table.querySelector("tbody tr");
      if (row && getComputedStyle(row).breakInside !== "avoid") faults.push("表格行可能跨页断开");
    }
    return faults;
}
