// Notification templates: each message kind's wording per language, the community's own over the
// default, edited with a live preview (sample values fill the `{field}` placeholders).
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { addMessages, locale, t } from "../shared/i18n.js";
import { showTime } from "../shared/time.js";
import { Field, Loaded, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { itemsOf } from "./names.js";
import { messages } from "./topics-messages.js";

addMessages(messages);
const LANGS = ["zh-CN", "en"];

/** The text with each `{field}` filled from the sample values, unknown fields shown by name. */
export function preview(text, sample) {
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in sample ? sample[name] : `«${name}»`));
}

function sampleValues() {
  const tomorrow = new Date(Date.now() + 86400 * 1000).toISOString();
  return { title: t("staff.templates.sampleTitle"), place: t("staff.templates.samplePlace"),
    resource_name: t("staff.templates.sampleResource"), name: t("staff.templates.sampleName"),
    display_name: t("staff.templates.sampleName"), starts_at: showTime(tomorrow), ends_at: showTime(tomorrow) };
}

function Wording({ place, item, onSaved }) {
  const [title, setTitle] = useState(item.own?.title ?? item.title);
  const [body, setBody] = useState(item.own?.body ?? item.body);
  const [state, run] = useSubmit();
  const id = `${item.locale}`;
  const submit = async (event) => {
    event.preventDefault();
    const path = `/communities/${place.community.id}/templates/${encodeURIComponent(item.kind)}/${item.locale}`;
    if (await run(() => api(path, { method: "PUT", body: { title, body } }))) onSaved();
  };
  const errors = state.error?.fields || {};
  const sample = sampleValues();
  const language = t(`staff.templates.lang.${item.locale}`);
  return html`<form class="card" onSubmit=${submit} aria-labelledby=${`wording-${id}`} lang=${item.locale}>
    <h3 id=${`wording-${id}`} lang=${locale()}>${language}
      ${item.own ? html` <span class="badge">${t("staff.templates.own")}</span>` : html` <span class="badge">${t("staff.templates.default")}</span>`}</h3>
    <${Field} id=${`tpl-title-${id}`} label=${t("staff.templates.titleOf", { language })} error=${errors.title?.join(" ")}>
      <input id=${`tpl-title-${id}`} required value=${title} onInput=${(e) => setTitle(e.target.value)} /><//>
    <${Field} id=${`tpl-body-${id}`} label=${t("staff.templates.bodyOf", { language })} error=${errors.body?.join(" ")}>
      <textarea id=${`tpl-body-${id}`} rows="3" required value=${body} onInput=${(e) => setBody(e.target.value)}></textarea><//>
    <section class="preview" aria-label=${t("staff.templates.previewOf", { language })}>
      <p class="hint" lang=${locale()}>${t("staff.templates.preview")}</p>
      <p><strong>${preview(title, sample)}</strong></p><p>${preview(body, sample)}</p>
    </section>
    <button type="submit" class="primary" disabled=${state.busy} lang=${locale()}>${t("staff.templates.save", { language })}</button>
    <${SubmitStatus} state=${state} />
  </form>`;
}

export function Templates({ place }) {
  const list = useLoad(() => api(`/communities/${place.community.id}/templates?limit=500`));
  const [kind, setKind] = useState(null);
  return html`<h1>${t("staff.templates.title")}</h1>
    <p>${t("staff.templates.intro")}</p>
    <${Loaded} state=${list}>${(data) => {
      const items = itemsOf(data);
      const kinds = [...new Set(items.map((i) => i.kind))];
      const chosen = kind || kinds[0];
      const mine = items.filter((i) => i.kind === chosen).sort((a, b) => LANGS.indexOf(a.locale) - LANGS.indexOf(b.locale));
      const label = (k) => { const it = items.find((i) => i.kind === k && i.locale === locale()) || items.find((i) => i.kind === k);
        return `${(it.own?.title ?? it.title)} (${k})`; };
      return html`<${Field} id="tpl-kind" label=${t("staff.templates.kind")}>
          <select id="tpl-kind" value=${chosen} onChange=${(e) => setKind(e.target.value)}>
            ${kinds.map((k) => html`<option value=${k}>${label(k)}</option>`)}</select><//>
        <div class="columns">${mine.map((item) => html`<${Wording} key=${`${item.kind}/${item.locale}/${item.own?.edited_at || ""}`}
          place=${place} item=${item} onSaved=${list.reload} />`)}</div>
        ${mine.some((i) => i.own) && html`<p class="hint">${t("staff.templates.edited", {
          time: showTime(mine.map((i) => i.own?.edited_at).filter(Boolean).sort().pop()) })}</p>`}`;
    }}<//>`;
}
