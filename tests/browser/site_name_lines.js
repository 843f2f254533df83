// The most lines a site's name takes in the printed schedule (the 观摩点 column).
() => {
    let most = 0;
    for (const table of document.querySelectorAll("main table")) {
      const column = [...table.tHead.rows[0].cells].findIndex((c) => c.textContent === "观摩点");
      for (const row of table.tBodies[0].rows) {
        const cell = row.cells[column];
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        most = Math.max(most, lines.size);
      }
    }
    return most;
}
