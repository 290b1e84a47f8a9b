package cn.huinong.quota;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.QuotaFixtures.plan;
import static cn.huinong.support.QuotaFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.support.Api;
import cn.huinong.support.OwnSchema;
import cn.huinong.support.QuotaDb;
import cn.huinong.support.QuotaFixtures;
import cn.huinong.support.QuotaFixtures.Unit;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reminders (催办) over HTTP: which units the regulator's list shows (not filed near or after the deadline, behind
 * the pace), scope of the list, its exports and the send, the sent reminder as the unit sees it, a double send, and
 * the representative lookup of a shared canteen. A region's due list is the whole database's: the class runs in a
 * schema of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that Micronaut asks getProperties() before the context starts
class ReminderTest implements TestPropertyProvider {

    static final int PAST = 2025; // its deadline (06-30) has passed and the whole reserve was due
    static final String ANSHUN = "520400";
    static final String XIXIU = "520402";
    static final String PINGBA = "520403";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    QuotaDb db;

    @Inject
    Reminders reminders;

    Api api;
    String anshun;
    String yunnan;
    String qiannanUnitRegulator;
    /** the year whose deadline is the next 30 June (today or later), and the days until it. */
    int nearYear;

    long daysLeft;
    Unit notFiled;
    Unit lagging;
    Unit none;
    Unit representative;
    Unit member;
    Unit outsider;

    @Override
    public Map<String, String> getProperties() {
        return OwnSchema.properties("reminders");
    }

    @BeforeAll
    void setUp() {
        api = new Api(client);
        anshun = QuotaFixtures.regulator(organizations, api, XIXIU, ANSHUN);
        yunnan = QuotaFixtures.regulator(organizations, api, "530102", "530000");
        qiannanUnitRegulator = QuotaFixtures.regulator(organizations, api, "522701", "522700");
        LocalDate today = LocalDate.now(QuotaRules.ZONE);
        LocalDate deadline = LocalDate.of(today.getYear(), 6, 30);
        nearYear = today.isAfter(deadline) ? today.getYear() + 1 : today.getYear();
        daysLeft = ChronoUnit.DAYS.between(today, LocalDate.of(nearYear, 6, 30));

        notFiled = QuotaFixtures.unit(organizations, api, XIXIU);
        lagging = QuotaFixtures.unit(organizations, api, XIXIU);
        none = QuotaFixtures.unit(organizations, api, PINGBA);
        representative = QuotaFixtures.unit(organizations, api, PINGBA);
        member = QuotaFixtures.unit(organizations, api, PINGBA);
        outsider = QuotaFixtures.unit(organizations, api, "522701");
        file(lagging, PAST, plan("OWN", 1_000_000, 100_000));
        file(none, PAST, Map.of("canteen", "NONE"));
        file(representative, PAST, plan("OWN", 2_000_000, 200_000));
        file(member, PAST, shared(representative.id()));
        for (Unit u : List.of(lagging, none, representative, member)) {
            file(u, nearYear, Map.of("canteen", "NONE")); // filed for the near year: only notFiled is due there
        }
    }

    void file(Unit unit, int year, Map<String, Object> body) {
        expect(200, api.put("/api/v1/quota/plans/" + year, body, unit.token()));
    }

    List<Map<String, Object>> due(int year, String query, String token) {
        return expect(
                        200,
                        api.get(
                                "/api/v1/monitoring/reminders?year=" + year + "&region=" + ANSHUN + "&size=200" + query,
                                token))
                .items();
    }

    static Optional<Map<String, Object>> find(List<Map<String, Object>> items, Unit unit) {
        return items.stream().filter(u -> n(u, "organizationId") == unit.id()).findFirst();
    }

    static long n(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @Test
    void listsUnitsNotFiledOnlyOnceTheDeadlineIsWithinTheDays() {
        List<Map<String, Object>> within = due(nearYear, "&withinDays=" + daysLeft, anshun);
        Map<String, Object> u = find(within, notFiled).orElseThrow(() -> new AssertionError("not listed: " + within));
        assertEquals("NOT_FILED", u.get("reason"));
        assertEquals(daysLeft, n(u, "daysLeft"));
        assertEquals(false, u.get("overdue"));
        assertEquals(nearYear + "-06-30", u.get("deadline"));
        // the units that filed for that year are not due (NONE: no reserve, never behind)
        assertTrue(find(within, lagging).isEmpty() && find(within, none).isEmpty());
        if (daysLeft > 0) {
            assertTrue(find(due(nearYear, "&withinDays=" + (daysLeft - 1), anshun), notFiled)
                    .isEmpty());
        }
    }

    @Test
    void listsUnitsNotFiledAfterTheDeadlineAsOverdue() {
        List<Map<String, Object>> items = due(PAST, "&withinDays=0&filter=NOT_FILED", anshun);
        Map<String, Object> u = find(items, notFiled).orElseThrow();
        assertEquals(true, u.get("overdue"));
        long expected = ChronoUnit.DAYS.between(LocalDate.now(QuotaRules.ZONE), LocalDate.of(PAST, 6, 30));
        assertEquals(expected, n(u, "daysLeft"));
        assertTrue(items.stream().allMatch(i -> "NOT_FILED".equals(i.get("reason"))));
        assertTrue(find(items, lagging).isEmpty());
    }

    @Test
    void listsUnitsBehindPaceWithTheGapToThePace() {
        List<Map<String, Object>> items = due(PAST, "&filter=BEHIND_PACE", anshun);
        Map<String, Object> u = find(items, lagging).orElseThrow();
        assertEquals("BEHIND_PACE", u.get("reason"));
        assertEquals(100_000, n(u, "reservedFen"));
        assertEquals(100_000, n(u, "expectedByNowFen")); // the year is over: the whole reserve was due
        assertEquals(100_000, n(u, "gapFen"));
        // no reserve of their own: never behind; a shared member counts at its representative (itself listed)
        assertTrue(find(items, none).isEmpty());
        assertTrue(find(items, member).isEmpty());
        assertTrue(find(items, representative).isPresent());
        assertTrue(find(items, notFiled).isEmpty());
        // both kinds together, most urgent (not filed) first
        List<Map<String, Object>> all = due(PAST, "", anshun);
        List<Long> ids = all.stream().map(i -> n(i, "organizationId")).toList();
        assertTrue(ids.indexOf(notFiled.id()) >= 0 && ids.indexOf(notFiled.id()) < ids.indexOf(lagging.id()));
        List<Long> byGap = due(PAST, "&sort=GAP_DESC", anshun).stream()
                .map(i -> n(i, "organizationId"))
                .toList();
        assertTrue(byGap.indexOf(representative.id()) < byGap.indexOf(lagging.id())); // 200,000 before 100,000
    }

    @Test
    void regulatorOutsideTheRegionIsRefusedForListExportAndSend() {
        String base = "/api/v1/monitoring/reminders?year=" + PAST + "&region=" + ANSHUN;
        expect(403, api.get(base, yunnan));
        expect(403, api.get(base + "&format=csv", yunnan));
        expect(403, api.get(base + "&format=xlsx", yunnan));
        expect(403, api.post("/api/v1/monitoring/reminders", send(PAST, ANSHUN, List.of(notFiled.id())), yunnan));
        // in scope of the region asked, but a selected unit is not: 403, and nothing is sent
        expect(403, api.post("/api/v1/monitoring/reminders", send(PAST, null, List.of(outsider.id())), anshun));
        expect(
                403,
                api.post(
                        "/api/v1/monitoring/reminders",
                        send(PAST, null, List.of(notFiled.id(), outsider.id())),
                        qiannanUnitRegulator));
        assertEquals(0, db.count("SELECT count(*) FROM quota_reminder WHERE organization_id = ?", outsider.id()));
        // a buyer unit is not a regulator
        expect(403, api.get(base, notFiled.token()));
        // no region: the caller's scope
        assertTrue(find(
                        expect(200, api.get("/api/v1/monitoring/reminders?year=" + PAST + "&size=200", anshun))
                                .items(),
                        notFiled)
                .isPresent());
    }

    static Map<String, Object> send(int year, String region, List<Long> ids) {
        Map<String, Object> body = new HashMap<>();
        body.put("year", year);
        body.put("region", region);
        body.put("withinDays", 0);
        body.put("organizationIds", ids);
        return body;
    }

    @Test
    void sentReminderAppearsForTheUnitAndIsAudited() {
        Map<String, Object> body = send(PAST, ANSHUN, List.of(lagging.id()));
        body.put("note", "请于本月底前说明情况");
        Map<String, Object> r = expect(200, api.post("/api/v1/monitoring/reminders", body, anshun))
                .body();
        assertEquals(1, n(r, "sent"));
        assertEquals(
                List.of(lagging.id()),
                ((List<?>) r.get("organizationIds"))
                        .stream().map(i -> ((Number) i).longValue()).toList());

        Map<String, Object> mine = expect(200, api.get("/api/v1/quota/reminders?year=" + PAST, lagging.token()))
                .body();
        assertEquals(1, n(mine, "unread"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) mine.get("messages");
        Map<String, Object> m = messages.get(0);
        assertEquals("BEHIND_PACE", m.get("reason"));
        assertTrue(((String) m.get("message")).contains("还差1,000.00元"), (String) m.get("message"));
        assertTrue(((String) m.get("message")).contains("请于本月底前说明情况"));
        assertNotNull(m.get("senderName"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) mine.get("alerts");
        Map<String, Object> behind = alerts.stream()
                .filter(a -> "BEHIND_PACE".equals(a.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(alerts.toString()));
        assertEquals(100_000, n(behind, "amountFen"));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'QUOTA_REMINDER_SENT'"
                                + " AND resource_type = 'quota_reminder' AND detail -> 'organizationIds' @> ?::jsonb",
                        "[" + lagging.id() + "]"));

        // the unit reads it; another unit cannot
        long id = n(m, "id");
        expect(404, api.post("/api/v1/quota/reminders/" + id + "/read", Map.of(), notFiled.token()));
        assertNotNull(expect(200, api.post("/api/v1/quota/reminders/" + id + "/read", Map.of(), lagging.token()))
                .get("readAt"));
        assertEquals(
                0,
                n(
                        expect(200, api.get("/api/v1/quota/reminders?year=" + PAST, lagging.token()))
                                .body(),
                        "unread"));
        // the list shows that it was reminded
        assertEquals(1, n(find(due(PAST, "", anshun), lagging).orElseThrow(), "reminders"));
    }

    @Test
    void doubleSendOnTheSameDayRemindsOnce() {
        Map<String, Object> body = send(PAST, ANSHUN, List.of(notFiled.id()));
        Map<String, Object> first = expect(200, api.post("/api/v1/monitoring/reminders", body, anshun))
                .body();
        Map<String, Object> second = expect(200, api.post("/api/v1/monitoring/reminders", body, anshun))
                .body();
        assertEquals(1, n(first, "sent"));
        assertEquals(0, n(second, "sent"));
        assertEquals(1, n(second, "alreadyRemindedToday"));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM quota_reminder WHERE organization_id = ? AND year = ?",
                        notFiled.id(),
                        PAST));
        Map<String, Object> mine = expect(200, api.get("/api/v1/quota/reminders?year=" + PAST, notFiled.token()))
                .body();
        assertEquals(1, ((List<?>) mine.get("messages")).size());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) mine.get("alerts");
        assertEquals("NOT_FILED_OVERDUE", alerts.get(0).get("kind"));
        assertEquals("ERROR", alerts.get(0).get("severity"));
        // a unit that is not due cannot be selected
        expect(422, api.post("/api/v1/monitoring/reminders", send(PAST, ANSHUN, List.of(none.id())), anshun));
        // to every unit listed: each one once a day, whoever sent before
        Map<String, Object> all = send(PAST, ANSHUN, null);
        all.put("filter", "NOT_FILED");
        long listed = expect(
                                        200,
                                        api.get(
                                                "/api/v1/monitoring/reminders?year=" + PAST + "&region=" + ANSHUN
                                                        + "&filter=NOT_FILED&withinDays=30",
                                                anshun))
                                .body()
                                .get("total")
                        instanceof Number t
                ? t.longValue()
                : -1;
        Map<String, Object> everyone = expect(200, api.post("/api/v1/monitoring/reminders", all, anshun))
                .body();
        assertEquals(listed, n(everyone, "sent") + n(everyone, "alreadyRemindedToday"));
        assertFalse(((List<?>) everyone.get("organizationIds")).contains(notFiled.id()));
    }

    @Test
    void exportsTheListAsCsvAndXlsx() {
        HttpResponse<byte[]> r = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/api/v1/monitoring/reminders?year=" + PAST + "&region=" + ANSHUN
                                        + "&format=csv")
                                .bearerAuth(anshun)
                                .accept("text/csv"),
                        Argument.of(byte[].class));
        assertEquals(200, r.code());
        String csv = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF单位ID,单位名称"), csv);
        assertTrue(csv.contains(String.valueOf(lagging.id())) && csv.contains("进度滞后"));
        assertTrue(r.getHeaders().get("Content-Disposition").contains("quota-reminders-520400-2025.csv"));
        HttpResponse<byte[]> x = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/api/v1/monitoring/reminders?year=" + PAST + "&region=" + ANSHUN
                                        + "&format=xlsx")
                                .bearerAuth(anshun)
                                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                        Argument.of(byte[].class));
        assertEquals(200, x.code());
        assertEquals('P', (char) x.body()[0]); // a zip
    }

    List<Map<String, Object>> candidates(Unit seeker, String q) {
        return expect(
                        200,
                        api.get(
                                "/api/v1/quota/representative-candidates?year=" + PAST + "&size=200"
                                        + (q == null ? "" : "&q=" + q),
                                seeker.token()))
                .items();
    }

    @Test
    void candidateLookupOffersOnlyUnitsOfTheCountyWithAnOwnCanteen() {
        Unit seeker = QuotaFixtures.unit(organizations, api, PINGBA);
        assertTrue(candidates(seeker, seeker.username()).isEmpty());
        assertTrue(candidates(seeker, member.username()).isEmpty());
        // another prefecture, another county of the prefecture, not filed, no canteen: none may represent it
        assertTrue(candidates(seeker, outsider.username()).isEmpty());
        assertTrue(candidates(seeker, notFiled.username()).isEmpty());
        assertTrue(candidates(seeker, lagging.username()).isEmpty());
        assertTrue(candidates(seeker, none.username()).isEmpty());
        List<Map<String, Object>> byName = candidates(seeker, representative.username());
        assertEquals(
                List.of(representative.id()),
                byName.stream().map(i -> n(i, "organizationId")).toList());
        Map<String, Object> rep = byName.get(0);
        assertEquals(true, rep.get("eligible"));
        assertEquals(true, rep.get("filed"));
        assertEquals("OWN", rep.get("canteen"));
        assertEquals("COUNTY", rep.get("proximity"));
        assertTrue(candidates(seeker, null).stream()
                .allMatch(i -> PINGBA.equals(i.get("regionCode"))
                        && n(i, "organizationId") != seeker.id()
                        && n(i, "organizationId") != member.id()));
        // regulators do not file
        expect(403, api.get("/api/v1/quota/representative-candidates?year=" + PAST, anshun));
    }

    @Test
    void invalidRepresentativeIsRefusedWith422() {
        Unit seeker = QuotaFixtures.unit(organizations, api, PINGBA);
        for (long rep : List.of(member.id(), notFiled.id(), seeker.id())) {
            Api.Response r = api.put("/api/v1/quota/plans/" + PAST, shared(rep), seeker.token());
            expect(422, r);
            assertTrue(
                    String.valueOf(r.get("detail")).contains("代表单位"), r.body().toString());
        }
        expect(200, api.put("/api/v1/quota/plans/" + PAST, shared(representative.id()), seeker.token()));
    }

    @Test
    void unitNotFiledBeforeADistantDeadlineGetsANoticeNotAWarning() {
        Map<String, Object> mine = expect(200, api.get("/api/v1/quota/reminders?year=" + nearYear, notFiled.token()))
                .body();
        @SuppressWarnings("unchecked")
        Map<String, Object> a = ((List<Map<String, Object>>) mine.get("alerts")).get(0);
        assertEquals(daysLeft, n(a, "daysLeft"));
        assertEquals(daysLeft <= 30 ? "NOT_FILED_DUE_SOON" : "NOT_FILED", a.get("kind"));
    }

    @Test
    void quotaAuthorisesRemindersItselfWhateverItsCallerChecked() {
        Map<String, Object> me = expect(200, api.get("/api/v1/me", yunnan)).body();
        @SuppressWarnings("unchecked")
        long yunnanId = ((Number) ((Map<String, Object>) me.get("organization")).get("id")).longValue();
        Actor regulator = new Actor("yunnan-regulator", yunnanId, "REGULATOR", null);
        DueQuery guizhou = new DueQuery(nearYear, "52", null, DueFilter.ALL, 30, DueSort.URGENCY, Instant.now());
        assertThrows(ForbiddenException.class, () -> reminders.due(guizhou, PageQuery.of(1, 10), regulator));
        assertThrows(ForbiddenException.class, () -> reminders.forEachDue(guizhou, regulator, u -> {}));
        assertThrows(ForbiddenException.class, () -> reminders.send(guizhou, null, null, regulator));
        assertThrows(
                ForbiddenException.class, () -> reminders.outsideScope(guizhou, List.of(notFiled.id()), regulator));
        Actor buyer = new Actor("a-unit", notFiled.id(), "BUYER", null);
        assertThrows(ForbiddenException.class, () -> reminders.due(guizhou, PageQuery.of(1, 10), buyer));
        // within its own province it may
        DueQuery yunnanQuery = new DueQuery(nearYear, "53", null, DueFilter.ALL, 30, DueSort.URGENCY, Instant.now());
        assertEquals(
                0,
                reminders.due(yunnanQuery, PageQuery.of(1, 10), regulator).items().stream()
                        .filter(u -> !u.regionCode().startsWith("53"))
                        .count());
    }
}
