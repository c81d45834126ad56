package org.relay.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.relay.referral.ReferralRepository;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSV import through the REST API, run batch by batch by the engine. Ordered last: it starts ~19 000 lifecycles,
 * which other tests would otherwise have to delete first.
 */
@Order(Integer.MAX_VALUE)
class CsvImportTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    org.relay.routing.AdvocateRepository advocates;

    @Test
    void ten_thousand_rows_with_three_percent_bad_give_an_exact_error_report_and_a_rerun_adds_nothing() throws Exception {
        StringBuilder csv = new StringBuilder("Full Name,E-mail,Phone,City,State,Product,Amount\n");
        List<List<String>> expectedErrors = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int row = i + 2;
            String name = "Lead " + i;
            String email = "lead" + i + "@mail.example";
            String product = "Mortgage";
            switch (i % 100) {
                case 0 -> { name = ""; expectedErrors.add(List.of(Integer.toString(row), "name")); }
                case 1 -> { email = "not-an-email"; expectedErrors.add(List.of(Integer.toString(row), "email")); }
                case 2 -> { product = "Yacht"; expectedErrors.add(List.of(Integer.toString(row), "product")); }
                default -> { }
            }
            csv.append('"').append(name).append("\",").append(email).append(",+1 555 ").append(String.format("%07d", i))
                    .append(",Springfield,Central,").append(product).append(",\"250,000\"\n");
        }

        JsonNode first = runImport(upload(csv.toString().getBytes(StandardCharsets.UTF_8), "spring-campaign.csv",
                Map.of("campaign", "Spring 2027", "requestedBy", "jackie")));
        Assertions.assertThat(first.get("status").asText()).isEqualTo("DONE");
        Assertions.assertThat(first.get("totalRows").asInt()).isEqualTo(10_000);
        Assertions.assertThat(first.get("importedRows").asInt()).isEqualTo(9_700);
        Assertions.assertThat(first.get("failedRows").asInt()).isEqualTo(300);
        Assertions.assertThat(first.get("percent").asInt()).isEqualTo(100);
        Assertions.assertThat(referrals.count()).isEqualTo(9_700);
        Assertions.assertThat(errorReport(first.get("id").asLong())).containsExactlyElementsOf(expectedErrors);

        JsonNode rerun = runImport(upload(csv.toString().getBytes(StandardCharsets.UTF_8), "spring-campaign.csv",
                Map.of("campaign", "Spring 2027", "requestedBy", "jackie")));
        Assertions.assertThat(rerun.get("importedRows").asInt()).isZero();
        Assertions.assertThat(rerun.get("duplicateRows").asInt()).isEqualTo(9_700);
        Assertions.assertThat(referrals.count()).isEqualTo(9_700);
    }

    @Test
    void a_dry_run_reports_without_importing() throws Exception {
        String csv = "name;email;product\nAda Lovelace;ada@mail.example;Investments\n;nobody@mail.example;Investments\n";
        JsonNode report = runImport(upload(csv.getBytes(StandardCharsets.UTF_8), "list.csv",
                Map.of("dryRun", "true", "requestedBy", "jackie", "source", "PURCHASED_LIST")));

        Assertions.assertThat(report.get("dryRun").asBoolean()).isTrue();
        Assertions.assertThat(report.get("importedRows").asInt()).isEqualTo(1);
        Assertions.assertThat(report.get("failedRows").asInt()).isEqualTo(1);
        Assertions.assertThat(referrals.count()).isZero();
        Assertions.assertThat(errorReport(report.get("id").asLong())).containsExactly(List.of("3", "name"));
    }

    @Test
    void bom_semicolons_quotes_and_latin1_are_read() throws Exception {
        String utf8 = "\uFEFFName;Email;Product;Notes\n\"Zoë Müller\";zoe@mail.example;Credit card;\"likes; semicolons\"\n";
        JsonNode withBom = runImport(upload(utf8.getBytes(StandardCharsets.UTF_8), "bom.csv", Map.of("requestedBy", "jackie")));
        Assertions.assertThat(withBom.get("importedRows").asInt()).isEqualTo(1);

        String latin = "Name|Phone|Interest\nJosé Peña|+34 600 000 000|Insurance\n";
        JsonNode latin1 = runImport(upload(latin.getBytes(Charset.forName("ISO-8859-1")), "latin.csv",
                Map.of("requestedBy", "jackie", "charset", "ISO-8859-1")));
        Assertions.assertThat(latin1.get("importedRows").asInt()).isEqualTo(1);

        Assertions.assertThat(referrals.findAll()).extracting(r -> r.getCustomer().getName())
                .containsExactlyInAnyOrder("Zoë Müller", "José Peña");
        Assertions.assertThat(referrals.findAll()).extracting(r -> r.getNotes()).contains("likes; semicolons");
    }

    @Test
    void a_rows_own_campaign_column_wins_over_the_uploads_campaign_in_either_spelling() throws Exception {
        for (String header : List.of("utm_campaign", "Campaign")) {
            data.clear();
            String csv = "Name,Email,Product," + header + "\n"
                    + "Ada Lovelace,ada@mail.example,Mortgage,spring-mail\n"
                    + "Grace Hopper,grace@mail.example,Mortgage,\n";
            JsonNode report = runImport(upload(csv.getBytes(StandardCharsets.UTF_8), "utm.csv",
                    Map.of("campaign", "upload-default", "requestedBy", "jackie")));
            Assertions.assertThat(report.get("importedRows").asInt()).as(header).isEqualTo(2);
            Assertions.assertThat(referrals.findAll()).as(header)
                    .extracting(r -> r.getCustomer().getName(), r -> r.getCampaign())
                    .containsExactlyInAnyOrder(Assertions.tuple("Ada Lovelace", "spring-mail"),
                            Assertions.tuple("Grace Hopper", "upload-default"));
        }
    }

    @Test
    void a_row_with_an_unknown_advocate_code_fails_with_its_reason_and_a_known_one_carries_the_advocates_name()
            throws Exception {
        advocates.save(new org.relay.routing.Advocate("ADV-123", "Lena Ortiz (Ortiz Realty)", "bob", true));
        String csv = "Name,Email,Product,Advocate code\n"
                + "Ada Lovelace,ada@mail.example,Mortgage,ADV-123\n"
                + "Grace Hopper,grace@mail.example,Mortgage,ADV-999\n";
        JsonNode report = runImport(upload(csv.getBytes(StandardCharsets.UTF_8), "advocates.csv",
                Map.of("requestedBy", "jackie")));
        Assertions.assertThat(report.get("importedRows").asInt()).isEqualTo(1);
        Assertions.assertThat(errorReport(report.get("id").asLong())).containsExactly(List.of("3", "referrer.id"));
        String errors = rest.getForObject("/api/imports/" + report.get("id").asLong() + "/errors.csv", String.class);
        Assertions.assertThat(errors).contains("ADV-999");
        Assertions.assertThat(referrals.findAll()).singleElement().satisfies(r -> {
            Assertions.assertThat(r.getReferrer().getId()).isEqualTo("ADV-123");
            Assertions.assertThat(r.getReferrer().getName()).isEqualTo("Lena Ortiz (Ortiz Realty)");
        });
    }

    @Test
    void a_file_without_the_needed_columns_or_parameters_is_refused() throws Exception {
        ResponseEntity<String> noName = upload("email,product\na@mail.example,Mortgage\n".getBytes(StandardCharsets.UTF_8),
                "x.csv", Map.of("requestedBy", "jackie"));
        Assertions.assertThat(noName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(noName.getBody()).contains("no name column");

        ResponseEntity<String> badParams = upload("name,email,product\nA,a@mail.example,Mortgage\n".getBytes(StandardCharsets.UTF_8),
                "x.csv", Map.of("requestedBy", "ghost", "source", "CARRIER_PIGEON"));
        Assertions.assertThat(badParams.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(badParams.getBody()).contains("\"requestedBy\"").contains("\"source\"");
    }

    private ResponseEntity<String> upload(byte[] content, String fileName, Map<String, String> params) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        params.forEach(form::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.postForEntity("/api/imports", new HttpEntity<>(form, headers), String.class);
    }

    /** Runs the import process's jobs as the job executor would, then returns the import's status. */
    private JsonNode runImport(ResponseEntity<String> accepted) throws Exception {
        Assertions.assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        long id = json.readTree(accepted.getBody()).get("id").asLong();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("IMPORT-" + id)
                .singleResult();
        for (int round = 0; round < 1000; round++) {
            // the import's lanes each have their job; the job executor would run them side by side
            Job job = managementService.createJobQuery().processInstanceId(instance.getId()).list().stream()
                    .findFirst().orElse(null);
            if (job == null) {
                break;
            }
            managementService.executeJob(job.getId());
            JsonNode progress = json.readTree(rest.getForObject("/api/imports/" + id, String.class));
            Assertions.assertThat(progress.get("percent").asInt()).isBetween(0, 100);
        }
        return json.readTree(rest.getForObject("/api/imports/" + id, String.class));
    }

    private List<List<String>> errorReport(long id) throws Exception {
        ResponseEntity<String> report = rest.getForEntity("/api/imports/" + id + "/errors.csv", String.class);
        Assertions.assertThat(report.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(report.getBody()))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord record : parser) {
                rows.add(List.of(record.get("row"), record.get("field")));
            }
        }
        return rows;
    }
}
