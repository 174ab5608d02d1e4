// What the reader can do with a result: copy a script, open it in their email app, download a
// reminder for the deadline, print the decision. All local: nothing is sent anywhere.

/** Copy text to the clipboard; resolves true when it worked. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers, or a denied permission: the classic way, through a selected textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "og-offscreen";
    document.body.append(area);
    area.select();
    let done = false;
    try {
      done = document.execCommand("copy");
    } catch {
      done = false;
    }
    area.remove();
    return done;
  }
}

/** A mailto: link with subject and body; no address, so the reader picks the recipient. */
export function mailtoHref(subject, body) {
  const crlf = (text) => (text ?? "").replace(/\r?\n/g, "\r\n");
  return `mailto:?subject=${encodeURIComponent(subject ?? "")}&body=${encodeURIComponent(crlf(body))}`;
}

function icsText(text) {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

function icsTime(date) {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Lines longer than 75 octets are folded, as RFC 5545 asks. */
function fold(line) {
  const bytes = new TextEncoder();
  const out = [];
  let current = "";
  for (const char of line) {
    if (bytes.encode(current + char).length > (out.length ? 74 : 75)) {
      out.push(current);
      current = char;
    } else current += char;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** An .ics calendar file with one event: tell `offer` your decision, `hours` from `now`. */
export function reminderIcs({ offer, summary, description, hours, now = new Date() }) {
  const start = new Date(now.getTime() + hours * 3_600_000);
  const end = new Date(start.getTime() + 30 * 60_000);
  const uid = `${icsTime(now)}-${Math.random().toString(36).slice(2)}@offer-guide`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//offer-guide//decision reminder//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${icsTime(now)}`,
    `DTSTART:${icsTime(start)}`,
    `DTEND:${icsTime(end)}`,
    `SUMMARY:${icsText(summary || `Tell ${offer} your decision`)}`,
    `DESCRIPTION:${icsText(description || "")}`,
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "TRIGGER:-PT1H",
    `DESCRIPTION:${icsText(summary || `Tell ${offer} your decision`)}`,
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** Offer `text` as a file download named `filename`. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.className = "og-offscreen";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name made only of safe characters. */
export function fileName(stem, extension) {
  const safe = stem.normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).toLowerCase();
  return `${safe || "offer"}.${extension}`;
}
