import { defineConfig } from "vitest/config";

// The calendar must not depend on the machine's time zone: its tests run three
// times, under UTC and under the two zones farthest apart from it.
const calendarTests = ["test/calendar/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], env: { TZ: "UTC" } },
      },
      {
        extends: true,
        test: { name: "tz-los-angeles", include: calendarTests, env: { TZ: "America/Los_Angeles" } },
      },
      {
        extends: true,
        test: { name: "tz-kiritimati", include: calendarTests, env: { TZ: "Pacific/Kiritimati" } },
      },
    ],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
