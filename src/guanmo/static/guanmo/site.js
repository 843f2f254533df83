// Text that a script puts into HTML (map popups and tooltips, chart tooltips) goes through
// guanmo.escape: a project's name is text, never markup (issue 11, stored XSS in the route map).
window.guanmo = {
  escape: (text) => String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
};

// Every htmx request carries the CSRF token from the page's meta tag.
document.body.addEventListener("htmx:configRequest", (event) => {
  event.detail.headers["X-CSRFToken"] = document.querySelector('meta[name="csrf-token"]').content;
});
