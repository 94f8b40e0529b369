package dev.mallard.sql.parser;

import static dev.mallard.sql.parser.ParserTestSupport.sql;
import static dev.mallard.sql.parser.ParserTestSupport.statement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.sql.tree.FileRelation;
import dev.mallard.sql.tree.GroupByAll;
import dev.mallard.sql.tree.GroupByExpressions;
import dev.mallard.sql.tree.GroupingSets;
import dev.mallard.sql.tree.Join;
import dev.mallard.sql.tree.JoinType;
import dev.mallard.sql.tree.NullOrdering;
import dev.mallard.sql.tree.OrderByAll;
import dev.mallard.sql.tree.OrderByItems;
import dev.mallard.sql.tree.Query;
import dev.mallard.sql.tree.Select;
import dev.mallard.sql.tree.SelectExpression;
import dev.mallard.sql.tree.SelectStar;
import dev.mallard.sql.tree.SetOperation;
import dev.mallard.sql.tree.SetOperator;
import dev.mallard.sql.tree.SortDirection;
import dev.mallard.sql.tree.SubqueryRelation;
import dev.mallard.sql.tree.TableFunction;
import dev.mallard.sql.tree.TableRef;
import dev.mallard.sql.tree.Values;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    private static Select select(String text) {
        return (Select) statement(text, Query.class).body();
    }

    // ---------------------------------------------------------------- SELECT clauses

    @Test
    void fullSelect() {
        assertThat(sql("select a, b + 1 as c from t where a > 1 group by 1, b having count(*) > 2 "
                + "order by c desc nulls last, 1 limit 10 offset 5"))
                .isEqualTo("SELECT a, (b + 1) AS c FROM t WHERE (a > 1) GROUP BY 1, b HAVING (count(*) > 2) "
                        + "ORDER BY c DESC NULLS LAST, 1 LIMIT 10 OFFSET 5");
    }

    @Test
    void selectWithoutFrom() {
        Select s = select("SELECT 1");
        assertThat(s.from()).isNull();
        assertThat(s.items()).hasSize(1);
    }

    @Test
    void aliasesWithAndWithoutAs() {
        Select s = select("SELECT a AS x, b y, c \"Z z\", d AS 'str', e AS from FROM t");
        assertThat(s.items()).extracting(i -> ((SelectExpression) i).alias().value())
                .containsExactly("x", "y", "Z z", "str", "from");
    }

    @Test
    void keywordNamedColumnsAndAliases() {
        assertThat(sql("SELECT year, date, name, value, type, key, count, first, last, filter FROM t"))
                .isEqualTo("SELECT year, date, name, value, type, key, count, first, last, filter FROM t");
        assertThat(sql("SELECT x year, y month FROM t")).isEqualTo("SELECT x AS year, y AS month FROM t");
    }

    @Test
    void distinctForms() {
        assertThat(select("SELECT DISTINCT a FROM t").distinct()).isTrue();
        Select on = select("SELECT DISTINCT ON (a, b) a, b, c FROM t");
        assertThat(on.distinct()).isTrue();
        assertThat(on.distinctOn()).hasSize(2);
        assertThat(select("SELECT ALL a FROM t").distinct()).isFalse();
    }

    @Test
    void starsWithExcludeAndReplace() {
        Select s = select("SELECT * EXCLUDE (a, b), t.* REPLACE (a + 1 AS a), s.t.* EXCLUDE c FROM t");
        SelectStar all = (SelectStar) s.items().get(0);
        assertThat(all.qualifier()).isNull();
        assertThat(all.exclude()).extracting(i -> i.value()).containsExactly("a", "b");
        SelectStar qualified = (SelectStar) s.items().get(1);
        assertThat(qualified.qualifier().toString()).isEqualTo("t");
        assertThat(qualified.replace()).hasSize(1);
        assertThat(qualified.replace().get(0).column().value()).isEqualTo("a");
        SelectStar deep = (SelectStar) s.items().get(2);
        assertThat(deep.qualifier().toString()).isEqualTo("s.t");
        assertThat(deep.exclude()).extracting(i -> i.value()).containsExactly("c");
    }

    @Test
    void trailingCommaInSelectList() {
        assertThat(sql("SELECT a, b, FROM t")).isEqualTo("SELECT a, b FROM t");
        assertThat(sql("SELECT a,\n b,\n")).isEqualTo("SELECT a, b");
    }

    @Test
    void fromFirstForms() {
        Select bare = select("FROM t WHERE x > 1");
        assertThat(bare.items()).singleElement().isInstanceOf(SelectStar.class);
        assertThat(bare.where()).isNotNull();
        assertThat(sql("FROM t SELECT a, b WHERE a = 1")).isEqualTo("SELECT a, b FROM t WHERE (a = 1)");
        assertThat(sql("FROM t")).isEqualTo("SELECT * FROM t");
        assertThat(sql("FROM 'stops.csv.zip' SELECT DISTINCT a")).isEqualTo("SELECT DISTINCT a FROM 'stops.csv.zip'");
    }

    @Test
    void groupByForms() {
        assertThat(select("SELECT a, count(*) FROM t GROUP BY ALL").groupBy()).isInstanceOf(GroupByAll.class);
        GroupByExpressions g = (GroupByExpressions) select("SELECT a FROM t GROUP BY a, 2, b + 1").groupBy();
        assertThat(g.expressions()).hasSize(3);
        assertThat(((GroupByExpressions) select("SELECT count(*) FROM t GROUP BY ()").groupBy()).expressions()).isEmpty();
    }

    @Test
    void groupingSetsRollupAndCubeAreExpanded() {
        assertThat(sql("SELECT 1 FROM t GROUP BY ROLLUP (a, b)"))
                .isEqualTo("SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), (a), ())");
        assertThat(sql("SELECT 1 FROM t GROUP BY CUBE (a, b)"))
                .isEqualTo("SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), (b), (a), ())");
        assertThat(sql("SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), a, ())"))
                .isEqualTo("SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), (a), ())");
        assertThat(sql("SELECT 1 FROM t GROUP BY x, ROLLUP (a, (b, c))"))
                .isEqualTo("SELECT 1 FROM t GROUP BY GROUPING SETS ((x, a, b, c), (x, a), (x))");
        assertThat(select("SELECT grouping(a) FROM t GROUP BY CUBE(a)").groupBy()).isInstanceOf(GroupingSets.class);
    }

    @Test
    void orderByAll() {
        OrderByAll all = (OrderByAll) statement("SELECT a, b FROM t ORDER BY ALL DESC", Query.class).orderBy();
        assertThat(all.direction()).isEqualTo(SortDirection.DESC);
        assertThat(all.nulls()).isEqualTo(NullOrdering.DEFAULT);
        assertThat(statement("SELECT * FROM t ORDER BY * NULLS FIRST", Query.class).orderBy())
                .isInstanceOf(OrderByAll.class);
    }

    @Test
    void orderByItems() {
        OrderByItems items = (OrderByItems) statement("SELECT a FROM t ORDER BY a ASC NULLS FIRST, 2 DESC", Query.class)
                .orderBy();
        assertThat(items.items()).hasSize(2);
        assertThat(items.items().get(0).direction()).isEqualTo(SortDirection.ASC);
        assertThat(items.items().get(0).nulls()).isEqualTo(NullOrdering.FIRST);
        assertThat(items.items().get(1).direction()).isEqualTo(SortDirection.DESC);
    }

    @Test
    void windowClauseAndQualify() {
        Select s = select("SELECT a, rank() OVER w FROM t WINDOW w AS (PARTITION BY b ORDER BY c) QUALIFY rank() OVER w = 1");
        assertThat(s.windows()).hasSize(1);
        assertThat(s.windows().get(0).name().value()).isEqualTo("w");
        assertThat(s.qualify()).isNotNull();
        assertThat(select("SELECT a FROM t QUALIFY a > 1 WINDOW w AS ()").windows()).hasSize(1);
    }

    // ---------------------------------------------------------------- limits

    @Test
    void limitAndOffsetForms() {
        assertThat(sql("SELECT a FROM t LIMIT 10 OFFSET 5")).isEqualTo("SELECT a FROM t LIMIT 10 OFFSET 5");
        assertThat(sql("SELECT a FROM t OFFSET 5 LIMIT 10")).isEqualTo("SELECT a FROM t LIMIT 10 OFFSET 5");
        assertThat(sql("SELECT a FROM t OFFSET 5 ROWS")).isEqualTo("SELECT a FROM t OFFSET 5");
        Query all = statement("SELECT a FROM t LIMIT ALL", Query.class);
        assertThat(all.limit()).isNull();
        assertThat(sql("SELECT a FROM t FETCH FIRST 3 ROWS ONLY")).isEqualTo("SELECT a FROM t LIMIT 3");
        assertThat(sql("SELECT a FROM t OFFSET 2 ROWS FETCH NEXT ROW ONLY")).isEqualTo("SELECT a FROM t LIMIT 1 OFFSET 2");
        assertThat(sql("SELECT a FROM t LIMIT ?")).isEqualTo("SELECT a FROM t LIMIT $1");
    }

    // ---------------------------------------------------------------- set operations

    @Test
    void intersectBindsTighterThanUnionAndExcept() {
        assertThat(sql("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4"))
                .isEqualTo("(SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3)) EXCEPT SELECT 4");
    }

    @Test
    void setQuantifiersAndByName() {
        SetOperation u = (SetOperation) statement("SELECT 1 UNION ALL SELECT 2", Query.class).body();
        assertThat(u.operator()).isEqualTo(SetOperator.UNION);
        assertThat(u.all()).isTrue();
        assertThat(((SetOperation) statement("SELECT 1 UNION DISTINCT SELECT 2", Query.class).body()).all()).isFalse();
        assertThat(((SetOperation) statement("SELECT 1 EXCEPT ALL SELECT 2", Query.class).body()).all()).isTrue();
        assertThat(((SetOperation) statement("SELECT 1 INTERSECT ALL SELECT 2", Query.class).body()).all()).isTrue();
        assertThat(((SetOperation) statement("SELECT 1 AS a UNION ALL BY NAME SELECT 2 AS a", Query.class).body()).byName())
                .isTrue();
    }

    @Test
    void orderByAndLimitApplyToTheWholeSetOperation() {
        Query q = statement("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 3", Query.class);
        assertThat(q.body()).isInstanceOf(SetOperation.class);
        assertThat(q.orderBy()).isNotNull();
        assertThat(q.limit()).isNotNull();
    }

    @Test
    void parenthesizedOperandsKeepTheirOwnModifiers() {
        assertThat(sql("(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u)"))
                .isEqualTo("(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL SELECT b FROM u");
        assertThat(sql("SELECT 1 UNION (SELECT 2 UNION SELECT 3)")).isEqualTo("SELECT 1 UNION (SELECT 2 UNION SELECT 3)");
        assertThat(sql("((SELECT 1))")).isEqualTo("SELECT 1");
    }

    @Test
    void valuesAsAQuery() {
        Values v = (Values) statement("VALUES (1, 'a'), (2, 'b')", Query.class).body();
        assertThat(v.rows()).hasSize(2);
        assertThat(sql("VALUES (1), (2) ORDER BY 1")).isEqualTo("VALUES (1), (2) ORDER BY 1");
        assertThat(sql("VALUES (1), (2),")).isEqualTo("VALUES (1), (2)");
        assertThat(sql("SELECT 1 UNION VALUES (2)")).isEqualTo("SELECT 1 UNION (VALUES (2))");
    }

    @Test
    void tableShorthand() {
        assertThat(sql("TABLE s.t")).isEqualTo("SELECT * FROM s.t");
    }

    // ---------------------------------------------------------------- WITH

    @Test
    void commonTableExpressions() {
        Query q = statement("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10), "
                + "s AS MATERIALIZED (SELECT 2), u AS NOT MATERIALIZED (SELECT 3) SELECT * FROM r", Query.class);
        assertThat(q.with().recursive()).isTrue();
        assertThat(q.with().ctes()).hasSize(3);
        assertThat(q.with().ctes().get(0).columns()).extracting(i -> i.value()).containsExactly("n");
        assertThat(sql("WITH x AS (SELECT 1) SELECT * FROM x")).isEqualTo("WITH x AS (SELECT 1) SELECT * FROM x");
    }

    // ---------------------------------------------------------------- FROM

    @Test
    void tableReferencesAndAliases() {
        TableRef t = (TableRef) select("SELECT * FROM s.t AS x(c1, c2)").from();
        assertThat(t.name().toString()).isEqualTo("s.t");
        assertThat(t.alias().name().value()).isEqualTo("x");
        assertThat(t.alias().columns()).extracting(i -> i.value()).containsExactly("c1", "c2");
        assertThat(((TableRef) select("SELECT * FROM t x").from()).alias().name().value()).isEqualTo("x");
        assertThat(((TableRef) select("SELECT * FROM db.s.t").from()).name().size()).isEqualTo(3);
        assertThat(sql("SELECT t.k FROM integers AS 't'('k')")).isEqualTo("SELECT t.k FROM integers AS t(k)");
    }

    @Test
    void subqueriesInFrom() {
        SubqueryRelation s = (SubqueryRelation) select("SELECT * FROM (SELECT 1 AS a) AS sub").from();
        assertThat(s.alias().name().value()).isEqualTo("sub");
        assertThat(s.lateral()).isFalse();
        assertThat(((SubqueryRelation) select("SELECT * FROM (SELECT 1)").from()).alias()).isNull();
        assertThat(sql("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(a, b)"))
                .isEqualTo("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(a, b)");
        assertThat(sql("SELECT * FROM t, LATERAL (SELECT t.a) s"))
                .isEqualTo("SELECT * FROM (t CROSS JOIN LATERAL (SELECT t.a) AS s)");
    }

    @Test
    void tableFunctions() {
        TableFunction f = (TableFunction) select("SELECT * FROM generate_series(1, 10, 2) t(x)").from();
        assertThat(f.name().toString()).isEqualTo("generate_series");
        assertThat(f.arguments()).hasSize(3);
        assertThat(f.alias().columns()).hasSize(1);
        TableFunction csv = (TableFunction) select("FROM read_csv('f.csv', header = true, delim := ';', x => 1)").from();
        assertThat(csv.arguments().get(0).name()).isNull();
        assertThat(csv.arguments().subList(1, 4)).extracting(a -> a.name().value()).containsExactly("header", "delim", "x");
        assertThat(sql("SELECT * FROM range(10)")).isEqualTo("SELECT * FROM range(10)");
    }

    @Test
    void stringLiteralAsTable() {
        FileRelation f = (FileRelation) select("SELECT * FROM 'data/stops.csv.zip' s").from();
        assertThat(f.path()).isEqualTo("data/stops.csv.zip");
        assertThat(f.alias().name().value()).isEqualTo("s");
    }

    @Test
    void joins() {
        assertThat(sql("SELECT * FROM a JOIN b ON a.id = b.id")).isEqualTo("SELECT * FROM (a INNER JOIN b ON (a.id = b.id))");
        assertThat(sql("SELECT * FROM a INNER JOIN b USING (id, k)")).isEqualTo("SELECT * FROM (a INNER JOIN b USING (id, k))");
        assertThat(sql("SELECT * FROM a LEFT OUTER JOIN b ON true")).isEqualTo("SELECT * FROM (a LEFT JOIN b ON TRUE)");
        assertThat(sql("SELECT * FROM a RIGHT JOIN b ON true")).isEqualTo("SELECT * FROM (a RIGHT JOIN b ON TRUE)");
        assertThat(sql("SELECT * FROM a FULL JOIN b ON true")).isEqualTo("SELECT * FROM (a FULL JOIN b ON TRUE)");
        assertThat(sql("SELECT * FROM a CROSS JOIN b")).isEqualTo("SELECT * FROM (a CROSS JOIN b)");
        assertThat(sql("SELECT * FROM a NATURAL JOIN b")).isEqualTo("SELECT * FROM (a NATURAL INNER JOIN b)");
        assertThat(sql("SELECT * FROM a NATURAL LEFT JOIN b")).isEqualTo("SELECT * FROM (a NATURAL LEFT JOIN b)");
    }

    @Test
    void joinsAreLeftDeepAndCommaHasLowestPrecedence() {
        Join j = (Join) select("SELECT * FROM a, b JOIN c ON b.x = c.x").from();
        assertThat(j.type()).isEqualTo(JoinType.CROSS);
        assertThat(j.left()).isInstanceOf(TableRef.class);
        assertThat(((Join) j.right()).type()).isEqualTo(JoinType.INNER);
        assertThat(sql("SELECT * FROM a JOIN b ON x JOIN c ON y"))
                .isEqualTo("SELECT * FROM ((a INNER JOIN b ON x) INNER JOIN c ON y)");
    }

    @Test
    void parenthesizedJoins() {
        assertThat(sql("SELECT * FROM a JOIN (b JOIN c ON p) ON q"))
                .isEqualTo("SELECT * FROM (a INNER JOIN (b INNER JOIN c ON p) ON q)");
        assertThat(sql("SELECT * FROM ((SELECT 1) t JOIN u ON true)"))
                .isEqualTo("SELECT * FROM ((SELECT 1) AS t INNER JOIN u ON TRUE)");
    }

    @Test
    void joinKeywordsAreNotTakenAsAliases() {
        Join j = (Join) select("SELECT * FROM a LEFT JOIN b ON a.x = b.x").from();
        assertThat(((TableRef) j.left()).alias()).isNull();
        assertThat(j.type()).isEqualTo(JoinType.LEFT);
    }

    @Test
    void tpchQueries() {
        // Shapes from the TPC-H suite: interval arithmetic, EXISTS, IN subqueries, CASE, views.
        assertThat(sql("""
                SELECT l_returnflag, sum(l_extendedprice * (1 - l_discount)) AS revenue, count(*) AS count_order
                FROM lineitem
                WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY
                GROUP BY l_returnflag ORDER BY l_returnflag"""))
                .isEqualTo("SELECT l_returnflag, sum((l_extendedprice * (1 - l_discount))) AS revenue, "
                        + "count(*) AS count_order FROM lineitem WHERE (l_shipdate <= (DATE '1998-12-01' - "
                        + "INTERVAL '90' DAY)) GROUP BY l_returnflag ORDER BY l_returnflag");
        assertThat(sql("""
                select o_orderpriority, count(*) as order_count from orders
                where o_orderdate >= date '1993-07-01' and exists (
                  select * from lineitem where l_orderkey = o_orderkey and l_commitdate < l_receiptdate)
                group by o_orderpriority"""))
                .isEqualTo("SELECT o_orderpriority, count(*) AS order_count FROM orders WHERE "
                        + "((o_orderdate >= DATE '1993-07-01') AND EXISTS (SELECT * FROM lineitem WHERE "
                        + "((l_orderkey = o_orderkey) AND (l_commitdate < l_receiptdate)))) GROUP BY o_orderpriority");
        assertThat(sql("""
                select sum(case when p_type like 'PROMO%' then l_extendedprice else 0 end) from lineitem, part
                where l_partkey = p_partkey and extract(year from l_shipdate) between 1995 and 1996"""))
                .isEqualTo("SELECT sum(CASE WHEN (p_type LIKE 'PROMO%') THEN l_extendedprice ELSE 0 END) FROM "
                        + "(lineitem CROSS JOIN part) WHERE ((l_partkey = p_partkey) AND "
                        + "(EXTRACT(year FROM l_shipdate) BETWEEN 1995 AND 1996))");
    }
}
