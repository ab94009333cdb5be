import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import ICAL from "ical.js";
import { addDays } from "../../src/calendar/index.js";
import { contracts } from "../../src/contracts/index.js";
import { obligations, toICalendar, type CalendarEntry } from "../../src/deadlines/index.js";
import { dateArb, expectRulesError } from "./helpers.js";

interface Parsed {
  uid: string;
  summary: string;
  description: string | null;
  start: string;
  end: string;
  allDay: boolean;
}

function parseEvents(text: string): { calendar: ICAL.Component; events: Parsed[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const description = component.getFirstPropertyValue("description");
    return {
      uid: event.uid,
      summary: event.summary,
      description: typeof description === "string" ? description : null,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
    };
  });
  return { calendar, events };
}

function octetLengths(text: string): number[] {
  return text.split("\r\n").map((line) => Buffer.byteLength(line, "utf8"));
}

const encoder = new TextEncoder();

describe("toICalendar", () => {
  it("writes a calendar Outlook and Google import: header, all-day events, CRLF", () => {
    const text = toICalendar([{ id: "familjeradgivning.activity-report.2023", date: "2024-03-31", title: "Verksamhetsberättelse 2023", clause: "SON 2021-233 §4.1" }]);
    expect(text).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//verksamhetsuppdrag//verksamhetsuppdrag//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:familjeradgivning.activity-report.2023@verksamhetsuppdrag",
        "DTSTAMP:19700101T000000Z",
        "DTSTART;VALUE=DATE:20240331",
        "DTEND;VALUE=DATE:20240401",
        "SUMMARY:Verksamhetsberättelse 2023",
        "DESCRIPTION:Källa: SON 2021-233 §4.1",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });

  it("takes DTSTAMP from options, converted to UTC", () => {
    const text = toICalendar([{ id: "x", date: "2024-03-31", title: "T" }], { dtstamp: "2024-01-10T10:15:30+01:00" });
    expect(text).toContain("\r\nDTSTAMP:20240110T091530Z\r\n");
    expect(toICalendar([{ id: "x", date: "2024-01-01", title: "T" }], { dtstamp: "2024-01-01T00:30:00+02:00" })).toContain("DTSTAMP:20231231T223000Z");
    expectRulesError(() => toICalendar([], { dtstamp: "2024-01-10T10:15:30" }), "INVALID_DATE");
  });

  it("escapes TEXT: backslash, semicolon, comma and line breaks", () => {
    const text = toICalendar([{ id: "a,b;c", date: "2024-03-31", title: "A\\B; C, D", description: "rad 1\nrad 2\r\nrad 3" }], { name: "Frister, 2024" });
    expect(text).toContain("SUMMARY:A\\\\B\\; C\\, D\r\n");
    expect(text).toContain("DESCRIPTION:rad 1\\nrad 2\\nrad 3\r\n");
    expect(text).toContain("X-WR-CALNAME:Frister\\, 2024\r\n");
    const { events } = parseEvents(text);
    expect(events[0]?.summary).toBe("A\\B; C, D");
    expect(events[0]?.uid).toBe("a,b;c@verksamhetsuppdrag");
    expect(events[0]?.description).toBe("rad 1\nrad 2\nrad 3");
  });

  it("folds at 75 octets without splitting a character", () => {
    const title = "Å".repeat(100); // 200 octets
    const text = toICalendar([{ id: "x", date: "2024-03-31", title }]);
    const lines = text.split("\r\n");
    const start = lines.findIndex((l) => l.startsWith("SUMMARY:"));
    expect(lines[start]).toBe(`SUMMARY:${"Å".repeat(33)}`); // 8 + 66 = 74 octets: one more Å would be 76
    expect(lines[start + 1]).toBe(` ${"Å".repeat(37)}`); // 1 + 74 = 75
    expect(parseEvents(text).events[0]?.summary).toBe(title);
    for (const n of octetLengths(text)) expect(n).toBeLessThanOrEqual(75);
  });

  it("the shipped obligations round-trip through ical.js", () => {
    const list = obligations(contracts.valdINaraRelation, "2024-01-01", "2024-12-31", { start: "2020-01-01", breachNoticeOn: "2024-01-15" });
    const text = toICalendar(list, { dtstamp: "2024-01-01T00:00:00Z", name: "Våld i nära relation" });
    const { calendar, events } = parseEvents(text);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(events.map((e) => [e.uid, e.summary, e.start, e.end, e.allDay])).toEqual(
      list.map((o) => [`${o.id}@verksamhetsuppdrag`, o.title, o.date, addDays(o.date, 1), true]),
    );
    for (const [i, e] of events.entries()) {
      expect(e.description).toContain(`Källa: ${list[i]!.clause}`);
    }
  });

  it("rejects bad entries naming the field", () => {
    expect(expectRulesError(() => toICalendar([{ id: "a", date: "2024-02-30", title: "T" }]), "INVALID_DATE").message).toContain("obligations.0.date");
    expect(expectRulesError(() => toICalendar([{ id: "a", date: "2024-02-01", title: "" }]), "INVALID_INPUT").message).toContain("obligations.0.title");
    expect(
      expectRulesError(
        () =>
          toICalendar([
            { id: "a", date: "2024-02-01", title: "T" },
            { id: "a", date: "2024-02-02", title: "T" },
          ]),
        "DUPLICATE_ID",
      ).message,
    ).toContain("obligations.1.id");
    expectRulesError(() => toICalendar([{ id: "a", date: "2024-02-01", title: "bell\u0007" }]), "INVALID_INPUT");
    expectRulesError(() => toICalendar("x" as unknown as CalendarEntry[]), "INVALID_INPUT");
  });

  it("is deterministic", () => {
    const list = obligations(contracts.familjeradgivning, "2024-01-01", "2024-12-31");
    expect(toICalendar(list)).toBe(toICalendar(list));
  });

  // Text without control characters other than line breaks and tab: any Unicode, emoji included.
  const textArb = fc
    .string({ unit: fc.oneof(fc.constantFrom("å", "ä", "ö", "€", "😀", ",", ";", "\\", "\n", "\r\n", " ", "\t", "§"), fc.string({ unit: "grapheme", maxLength: 3 })), minLength: 1, maxLength: 120 })
    // eslint-disable-next-line no-control-regex
    .filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s) && s.trim() !== "");

  test.prop([fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z0-9.-]{1,60}$/), date: dateArb, title: textArb, description: textArb, clause: textArb }), { selector: (e) => e.id, maxLength: 8 })])(
    "parses back to the same events; every line ≤ 75 octets; CRLF everywhere",
    (entries) => {
      const text = toICalendar(entries);
      expect(text.endsWith("\r\n")).toBe(true);
      expect(/\r(?!\n)|(?<!\r)\n/.test(text)).toBe(false);
      for (const line of text.split("\r\n")) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      const { events } = parseEvents(text);
      expect(events.map((e) => [e.uid, e.summary, e.start, e.end])).toEqual(
        entries.map((e) => [`${e.id}@verksamhetsuppdrag`, e.title.replace(/\r\n|\r/g, "\n"), e.date, addDays(e.date, 1)]),
      );
      events.forEach((e, i) => {
        expect(e.description).toBe(`${entries[i]!.description}\n\nKälla: ${entries[i]!.clause}`.replace(/\r\n|\r/g, "\n"));
      });
    },
  );
});
