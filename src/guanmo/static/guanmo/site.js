// Every htmx request carries the CSRF token from the page's meta tag.
document.body.addEventListener("htmx:configRequest", (event) => {
  event.detail.headers["X-CSRFToken"] = document.querySelector('meta[name="csrf-token"]').content;
});

// Forms that ask before they act (data-confirm="…") and selects that submit their form on
// change (data-autosubmit): behaviour from attributes, so no page needs inline script (CSP).
document.addEventListener("submit", (event) => {
  const question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
document.addEventListener("change", (event) => {
  if (event.target.matches && event.target.matches("select[data-autosubmit]")) event.target.form.submit();
});
