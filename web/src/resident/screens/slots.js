// Tuesday service slots: 30-minute turns inside the volunteers' windows, minus the turns already taken.
const TURN = 30 * 60 * 1000;

function parseIcsTime(text) {
  const m = text.match(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/);
  return m ? Date.UTC(m[1], m[2] - 1, m[3], m[4], m[5], m[6]) : null;
}

/** The taken spans of an iCalendar text, as [start, end] milliseconds. */
export function takenSpans(ics) {
  return ics.split("BEGIN:VEVENT").slice(1).map((event) => {
    const start = event.match(/DTSTART[^:]*:(\S+)/);
    const end = event.match(/DTEND[^:]*:(\S+)/);
    return [start && parseIcsTime(start[1]), end && parseIcsTime(end[1])];
  }).filter(([a, b]) => a && b);
}

/** Open turns: every 30 minutes of each window from now on with a seat left (seats = windows then). */
export function openTurns(windows, taken, now = Date.now()) {
  const starts = new Set();
  for (const w of windows) {
    for (let at = Date.parse(w.starts_at); at + TURN <= Date.parse(w.ends_at); at += TURN) if (at > now) starts.add(at);
  }
  const overlapping = (spans, a) => spans.filter(([s, e]) => s < a + TURN && a < e).length;
  const seats = windows.map((w) => [Date.parse(w.starts_at), Date.parse(w.ends_at)]);
  return [...starts].sort((a, b) => a - b)
    .filter((a) => overlapping(taken, a) < overlapping(seats, a))
    .map((a) => ({ starts_at: new Date(a).toISOString(), ends_at: new Date(a + TURN).toISOString() }));
}

/** The next quarter hour from now, as milliseconds. */
export function nextQuarter(now = Date.now()) {
  const quarter = 15 * 60 * 1000;
  return Math.ceil((now + 60 * 1000) / quarter) * quarter;
}
