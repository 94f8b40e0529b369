package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.PlanFixtures;
import org.junit.jupiter.api.Test;

class RemoveRedundantProjectionsTest {
    private final PlanFixtures f = PlanFixtures.standard();
    private final Get t = f.scan("t");

    private static String run(LogicalPlan p) {
        return print(new RemoveRedundantProjections().apply(p));
    }

    @Test
    void identityProjectionDisappears() {
        assertThat(run(project(t, col(t, "a"), col(t, "b"), col(t, "c")))).isEqualTo("Get[t: a#1, b#2, c#3]\n");
    }

    @Test
    void reorderingProjectionStays() {
        assertThat(run(project(t, col(t, "b"), col(t, "a"), col(t, "c")))).startsWith("Project[b#1, a#2, c#3]");
    }

    @Test
    void stackedProjectionsMerge() {
        LogicalPlan inner = project(t, "r", call("*", col(t, "a"), lit(2)));
        LogicalPlan outer = project(inner, "s", call("+", col(inner, "r"), lit(1)));
        assertThat(run(outer)).isEqualTo("""
                Project[s#1 := (a#2 * 2) + 1]
                  Get[t: a#2, b#3, c#4]
                """);
    }

    @Test
    void noMergeWhenAnExpressionWouldBeComputedTwice() {
        LogicalPlan inner = project(t, "r", call("*", col(t, "a"), lit(2)));
        LogicalPlan outer = project(inner, "s", call("+", col(inner, "r"), col(inner, "r")));
        assertThat(run(outer)).startsWith("Project[s#1 := r#2 + r#2]\n  Project[r#2 := a#3 * 2]");
    }
}
