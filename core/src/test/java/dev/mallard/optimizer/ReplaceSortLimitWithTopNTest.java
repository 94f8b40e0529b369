package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.PlanFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplaceSortLimitWithTopNTest {
    private final PlanFixtures f = PlanFixtures.standard();
    private final Get t = f.scan("t");

    private static String run(LogicalPlan p) {
        return print(new ReplaceSortLimitWithTopN().apply(p));
    }

    @Test
    void sortThenLimitIsTopN() {
        LogicalPlan p = new Limit(new Sort(t, List.of(new SortKey(col(t, "a"), false, false))), 10, 5);
        assertThat(run(p)).isEqualTo("""
                TopN[10 OFFSET 5, a#1 DESC]
                  Get[t: a#1, b#2, c#3]
                """);
    }

    @Test
    void projectionBetweenMovesAbove() {
        LogicalPlan p = new Limit(project(new Sort(t, List.of(new SortKey(col(t, "c"), true, true))), col(t, "a")), 3, 0);
        assertThat(run(p)).isEqualTo("""
                Project[a#1]
                  TopN[3, c#2 ASC NULLS FIRST]
                    Get[t: a#1, b#3, c#2]
                """);
    }

    @Test
    void limitWithoutSortOrOnlyOffsetStays() {
        LogicalPlan p = new Limit(t, 3, 0);
        assertThat(new ReplaceSortLimitWithTopN().apply(p)).isEqualTo(p);
        LogicalPlan offsetOnly = new Limit(new Sort(t, List.of(new SortKey(col(t, "a"), true, false))), -1, 2);
        assertThat(run(offsetOnly)).startsWith("Limit[ALL OFFSET 2]");
    }
}
