// GOV.UK Frontend's start-of-body snippet, as a file so the Content Security Policy needs no
// 'unsafe-inline': marks the page as able to run the components' JavaScript.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
