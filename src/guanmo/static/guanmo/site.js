// Text that a script puts into HTML (map popups and tooltips, chart tooltips) goes through
// guanmo.escape: a project's name is text, never markup (issue 11, stored XSS in the route map).
window.guanmo = {
  escape: (text) => String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
};

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
