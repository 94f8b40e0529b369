import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a synthetic police-stops extract, modelled on the public Stanford Open Policing data
 * that pandas tutorials use: 100,000 stops from 2005 to 2015 with the gaps real extracts have
 * (county_name always empty, search_type empty unless a search happened, about 5% of stops with
 * no driver details at all). Deterministic: java.util.Random's sequence is fixed by its spec, so
 * the same seed gives the same file on every JVM.
 *
 * <p>Usage: {@code java GenerateStops.java [out.csv.zip] [rows]}
 */
public final class GenerateStops {
    private static final String[] RACES = {"White", "Black", "Hispanic", "Asian", "Other"};
    private static final double[] RACE_SHARE = {0.72, 0.14, 0.11, 0.027, 0.003};
    /** Search rates differ by race and gender, as in the real data: what the walkthrough finds. */
    private static final double[] RACE_SEARCH_RATE = {0.029, 0.064, 0.057, 0.016, 0.030};
    private static final String[][] VIOLATIONS = {
        {"Speeding", "Speeding"},
        {"Moving violation", "Other Traffic Violation"},
        {"Equipment", "Equipment/Inspection Violation"},
        {"Other", "Call for Service"},
        {"Registration/plates", "Registration Violation"},
        {"Seat belt", "Seatbelt Violation"},
    };
    private static final double[] VIOLATION_SHARE = {0.56, 0.19, 0.127, 0.05, 0.043, 0.03};
    private static final String[] SEARCH_TYPES = {"Incident to Arrest", "Probable Cause", "Inventory", "Reasonable Suspicion",
        "Protective Frisk", "Incident to Arrest,Inventory", "Incident to Arrest,Probable Cause", "Probable Cause,Reasonable Suspicion"};
    private static final double[] SEARCH_TYPE_SHARE = {0.35, 0.25, 0.06, 0.06, 0.08, 0.1, 0.06, 0.04};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "stops.csv.zip");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Random r = new Random(20051231L);
        StringBuilder sb = new StringBuilder(rows * 140);
        sb.append("stop_date,stop_time,county_name,driver_gender,driver_age_raw,driver_age,driver_race,violation_raw,violation,"
                + "search_conducted,search_type,stop_outcome,is_arrested,stop_duration,drugs_related_stop,district\n");
        LocalDate first = LocalDate.of(2005, 1, 2);
        int days = (int) (LocalDate.of(2015, 12, 31).toEpochDay() - first.toEpochDay());
        for (int i = 0; i < rows; i++) {
            // later years have more stops: the square root of a uniform leans towards the end
            LocalDate date = first.plusDays((long) (Math.sqrt(r.nextDouble()) * days));
            int minute = stopMinute(r);
            String district = "Zone " + "KXX".charAt(r.nextInt(3)) + (1 + r.nextInt(4));
            sb.append(date).append(',').append(String.format("%02d:%02d", minute / 60, minute % 60)).append(",,");
            if (r.nextDouble() < 0.056) { // no driver details were recorded for this stop
                sb.append(",,,,,,,,,,,,").append(district).append('\n');
                continue;
            }
            boolean male = r.nextDouble() < 0.73;
            int race = pick(r, RACE_SHARE);
            int age = (int) Math.max(15, Math.min(88, Math.round(34 + 12.5 * r.nextGaussian() * (r.nextBoolean() ? 1 : 0.8))));
            boolean ageMissing = r.nextDouble() < 0.004;
            int birthYear = date.getYear() - age;
            int violation = pick(r, VIOLATION_SHARE);
            double searchRate = RACE_SEARCH_RATE[race] * (male ? 1.25 : 0.55) * (age < 30 ? 1.4 : age > 50 ? 0.5 : 1.0);
            boolean searched = r.nextDouble() < searchRate;
            String searchType = searched ? SEARCH_TYPES[pick(r, SEARCH_TYPE_SHARE)] : "";
            boolean drugs = searched ? r.nextDouble() < 0.25 : r.nextDouble() < 0.0005;
            String outcome;
            double o = r.nextDouble();
            // arrests are likelier late at night, as in the real data
            double night = minute >= 22 * 60 || minute < 5 * 60 ? 1.7 : 1.0;
            if (searched && o < 0.3 || !searched && o < 0.025 * night) outcome = "Arrest Driver";
            else if (o < 0.035) outcome = "Arrest Passenger";
            else if (o < 0.04) outcome = "N/D";
            else if (o < 0.047) outcome = "No Action";
            else if (o < 0.11) outcome = "Warning";
            else outcome = "Citation";
            boolean arrested = outcome.startsWith("Arrest");
            double d = r.nextDouble() - (searched ? 0.4 : 0) - (arrested ? 0.3 : 0);
            String duration = d < 0.05 ? "30+ Min" : d < 0.2 ? "16-30 Min" : "0-15 Min";
            sb.append(male ? 'M' : 'F').append(',')
                    .append(ageMissing ? "" : String.valueOf(birthYear)).append(',')
                    .append(ageMissing ? "" : String.valueOf(age)).append(',')
                    .append(RACES[race]).append(',')
                    .append(VIOLATIONS[violation][1]).append(',')
                    .append(VIOLATIONS[violation][0]).append(',')
                    .append(searched ? "True" : "False").append(',')
                    .append(searchType.contains(",") ? "\"" + searchType + "\"" : searchType).append(',')
                    .append(outcome).append(',')
                    .append(arrested ? "True" : "False").append(',')
                    .append(duration).append(',')
                    .append(drugs ? "True" : "False").append(',')
                    .append(district).append('\n');
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            ZipEntry entry = new ZipEntry("stops.csv");
            entry.setTime(0); // a fixed timestamp keeps the archive's bytes the same on every run
            zip.putNextEntry(entry);
            zip.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        System.out.println("wrote " + rows + " stops to " + out);
    }

    /** Minute of the day: busiest in the morning commute and late at night, quietest before dawn. */
    private static int stopMinute(Random r) {
        double u = r.nextDouble();
        int hour;
        if (u < 0.30) hour = 9 + r.nextInt(3);
        else if (u < 0.45) hour = 22 + r.nextInt(2);
        else if (u < 0.55) hour = r.nextInt(2);
        else if (u < 0.60) hour = 2 + r.nextInt(4);
        else hour = 6 + r.nextInt(16);
        return hour * 60 + r.nextInt(60);
    }

    private static int pick(Random r, double[] shares) {
        double u = r.nextDouble(), sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (u < sum) return i;
        }
        return shares.length - 1;
    }
}
