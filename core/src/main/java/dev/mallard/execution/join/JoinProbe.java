package dev.mallard.execution.join;

import dev.mallard.MallardException;
import dev.mallard.execution.OperatorResult;
import dev.mallard.execution.OperatorState;
import dev.mallard.execution.data.VectorOps;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.hash.JoinHashTable;
import dev.mallard.execution.hash.VectorHasher;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's probe side of a join, for every join type, over either a hash table (candidate
 * pairs = rows with equal keys) or nested loops (candidate pairs = all pairs).
 *
 * <p>For each input chunk it runs three phases, resumable between calls so output never exceeds
 * one vector: <b>pairs</b> — generate candidate (probe row, build row) pairs in batches, gather
 * them into a chunk of left + right columns, keep those passing the residual, record which probe
 * rows (and, for RIGHT/FULL, build rows) found a partner, and emit the pairs for join types that
 * output them; <b>null check</b> — for null-aware joins whose NULL-aware conjunct is a hash key,
 * look for pairs the hash table cannot produce (a NULL key) that make the result unknown;
 * <b>final</b> — emit per-probe-row results: unmatched rows padded with NULLs (LEFT/FULL/SINGLE),
 * the matched (SEMI) or unmatched (ANTI) rows, or the rows with their mark (MARK).
 */
public final class JoinProbe extends OperatorState {
    private static final int PAIRS = 0, NULL_CHECK = 1, FINAL = 2;

    private final JoinType type;
    private final JoinCondition condition;
    private final JoinBuild build;
    private final int leftWidth;
    private final boolean hashed;
    private final boolean emitsPairs;
    /** SEMI/ANTI/MARK: a probe row is decided by its first match, later candidates are skipped. */
    private final boolean stopAtFirstMatch;
    /** RIGHT_SEMI/RIGHT_ANTI: probing only marks build rows; a build row already marked is skipped. */
    private final boolean onlyMarksBuild;
    private final boolean needsPairChunk;
    /** Null-aware join whose NULL-aware conjunct is hashed: run the null-check phase. */
    private final boolean nullCheck;

    private final ExpressionEvaluator[] probeKeyEvals;
    private final Vector[] probeKeys;
    private final ExpressionEvaluator residual;
    private final ExpressionEvaluator first;
    private final ExpressionEvaluator rest;

    // ---- per input chunk
    private DataChunk input;
    private int count;
    private boolean inProgress;
    private int phase;
    private boolean[] found = new boolean[Vector.DEFAULT_CAPACITY];
    private boolean[] maybeNull = new boolean[Vector.DEFAULT_CAPACITY];
    // hash pairs: candidate build row per probe row, and the probe rows still walking a chain
    private long[] hashes = new long[Vector.DEFAULT_CAPACITY];
    private int[] candidate = new int[Vector.DEFAULT_CAPACITY];
    private int[] active = new int[Vector.DEFAULT_CAPACITY];
    private int activeCount;
    // nested loop pairs: next (probe row, build row)
    private int loopK;
    private int loopRow;
    // null check pairs: probe rows to check, and the position in each one's candidate list
    private int[] checkRows = new int[Vector.DEFAULT_CAPACITY];
    private int checkCount;
    private int checkIndex;
    private int checkRow;

    // ---- pair batch
    private int capacity = Vector.DEFAULT_CAPACITY;
    private int[] pairK = new int[Vector.DEFAULT_CAPACITY];
    private int[] pairRow = new int[Vector.DEFAULT_CAPACITY];
    private int[] pairPos = new int[Vector.DEFAULT_CAPACITY];
    private int[] passing = new int[Vector.DEFAULT_CAPACITY];
    private final DataChunk pairChunk;
    private final List<LogicalType> pairTypes;
    // ---- outputs of SEMI/ANTI/MARK
    private int[] outSel = new int[Vector.DEFAULT_CAPACITY];
    private DataChunk view;
    private Vector markVector;
    private Vector[] markColumns;
    private DataChunk markChunk;

    public JoinProbe(JoinType type, JoinCondition condition, JoinBuild build, List<LogicalType> leftTypes,
                     List<LogicalType> rightTypes) {
        this.type = type;
        this.condition = condition;
        this.build = build;
        this.leftWidth = leftTypes.size();
        this.hashed = condition.hasKeys();
        this.emitsPairs = switch (type) {
            case INNER, LEFT, RIGHT, FULL, SINGLE -> true;
            case SEMI, ANTI, MARK, RIGHT_SEMI, RIGHT_ANTI -> false;
        };
        this.onlyMarksBuild = type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI;
        this.stopAtFirstMatch = !emitsPairs && !onlyMarksBuild;
        this.probeKeyEvals = new ExpressionEvaluator[condition.leftKeys().size()];
        for (int i = 0; i < probeKeyEvals.length; i++) probeKeyEvals[i] = new ExpressionEvaluator(condition.leftKeys().get(i));
        this.probeKeys = new Vector[probeKeyEvals.length];
        this.residual = condition.residual() == null ? null : new ExpressionEvaluator(condition.residual());
        boolean nullAware = condition.nullAware() && (type == JoinType.ANTI || type == JoinType.MARK);
        this.first = nullAware && condition.first() != null ? new ExpressionEvaluator(condition.first()) : null;
        this.rest = nullAware && condition.firstIsKey() && condition.rest() != null ? new ExpressionEvaluator(condition.rest()) : null;
        this.nullCheck = nullAware && condition.firstIsKey();
        this.needsPairChunk = emitsPairs || residual != null || first != null || rest != null;
        this.pairTypes = new ArrayList<>(leftTypes);
        pairTypes.addAll(rightTypes);
        this.pairChunk = needsPairChunk ? new DataChunk(pairTypes) : null;
    }

    /** Processes one input chunk (called again with the same chunk while it returns HAVE_MORE_OUTPUT). */
    public OperatorResult execute(DataChunk chunk) {
        output = null;
        if (!inProgress) start(chunk);
        while (true) {
            switch (phase) {
                case PAIRS -> {
                    int n = hashed ? nextHashPairs() : nextLoopPairs();
                    if (n == 0) {
                        phase = nullCheck ? NULL_CHECK : FINAL;
                        if (nullCheck) startNullCheck();
                        continue;
                    }
                    if (processPairs(n)) return OperatorResult.HAVE_MORE_OUTPUT;
                }
                case NULL_CHECK -> {
                    int n = nextCheckPairs();
                    if (n == 0) {
                        phase = FINAL;
                        continue;
                    }
                    processCheckPairs(n);
                }
                default -> {
                    emitFinal();
                    inProgress = false;
                    input = null;
                    return OperatorResult.NEED_MORE_INPUT;
                }
            }
        }
    }

    private void start(DataChunk chunk) {
        input = chunk;
        count = chunk.count();
        inProgress = true;
        phase = PAIRS;
        if (found.length < count) {
            int n = count;
            found = new boolean[n];
            maybeNull = new boolean[n];
            hashes = new long[n];
            candidate = new int[n];
            active = new int[n];
            checkRows = new int[n];
            outSel = new int[n];
        }
        if (capacity < count) {
            capacity = count;
            pairK = new int[count];
            pairRow = new int[count];
            pairPos = new int[count];
            passing = new int[count];
        }
        java.util.Arrays.fill(found, 0, count, false);
        java.util.Arrays.fill(maybeNull, 0, count, false);
        if (hashed) {
            int[] sel = chunk.sel();
            JoinHashTable table = build.table();
            boolean direct = table.isDirect();
            for (int i = 0; i < probeKeys.length; i++) {
                probeKeys[i] = probeKeyEvals[i].evaluate(chunk);
                if (!direct) VectorHasher.hash(probeKeys[i], sel, count, hashes, i > 0);
            }
            activeCount = 0;
            boolean checkNulls = table.mayHaveUnmatchableNull(probeKeys);
            if (checkNulls) {
                for (int k = 0; k < count; k++) {
                    int p = sel == null ? k : sel[k];
                    int r = table.hasUnmatchableNull(probeKeys, p) ? -1
                            : direct ? table.firstDirect(probeKeys[0], p) : table.first(hashes[k]);
                    candidate[k] = r;
                    if (r >= 0) active[activeCount++] = k;
                }
            } else {
                // Branch-free: whether a bucket is empty is a coin toss the CPU cannot predict.
                int n = 0;
                Vector key0 = probeKeys[0];
                for (int k = 0; k < count; k++) {
                    int r = direct ? table.firstDirect(key0, sel == null ? k : sel[k]) : table.first(hashes[k]);
                    candidate[k] = r;
                    active[n] = k;
                    n += ~r >>> 31;
                }
                activeCount = n;
            }
        } else {
            loopK = 0;
            loopRow = 0;
        }
    }

    // ---- candidate pairs -----------------------------------------------------------------------

    /** Walks the chains one step per round, keeping rows whose build key equals theirs. */
    private int nextHashPairs() {
        JoinHashTable table = build.table();
        boolean direct = table.isDirect(); // rows in a direct chain have exactly the probe's key
        boolean[] matched = build.matched();
        int[] sel = input.sel();
        int pairs = 0;
        while (activeCount > 0 && pairs + activeCount <= capacity) {
            int m = 0;
            for (int j = 0; j < activeCount; j++) {
                int k = active[j];
                if (stopAtFirstMatch && found[k]) continue;
                int r = candidate[k];
                int p = sel == null ? k : sel[k];
                if ((!onlyMarksBuild || !matched[r]) && (direct || table.matches(probeKeys, p, hashes[k], r))) {
                    pairK[pairs] = k;
                    pairRow[pairs] = r;
                    pairs++;
                }
                int next = table.next(r);
                candidate[k] = next;
                active[m] = k;
                m += ~next >>> 31;
            }
            activeCount = m;
            if (pairs > 0 && stopAtFirstMatch) break; // let found[] catch up before walking further
        }
        return pairs;
    }

    /** Every (probe row, build row), probe-row major. */
    private int nextLoopPairs() {
        int rows = build.rowCount();
        int pairs = 0;
        while (loopK < count && pairs < capacity) {
            if (stopAtFirstMatch && found[loopK] || loopRow >= rows) {
                loopK++;
                loopRow = 0;
                continue;
            }
            int n = Math.min(capacity - pairs, rows - loopRow);
            for (int i = 0; i < n; i++) {
                pairK[pairs + i] = loopK;
                pairRow[pairs + i] = loopRow + i;
            }
            pairs += n;
            loopRow += n;
        }
        return pairs;
    }

    /**
     * Gathers the pairs, applies the residual and records matches; returns true when the pairs
     * are output (left in {@link #output}).
     */
    private boolean processPairs(int n) {
        int[] pass = null;
        int m = n;
        if (needsPairChunk) gatherPairs(n);
        if (residual != null) {
            m = residual.select(pairChunk, null, n, passing);
            pass = passing;
        }
        if (first != null) {
            // null-aware conjunct not hashed: TRUE decides the row, NULL makes it unknown
            Vector v = first.evaluate(pairChunk, pass, m);
            for (int j = 0; j < m; j++) {
                int i = pass == null ? j : pass[j];
                if (v.isNull(i)) maybeNull[pairK[i]] = true;
                else if (v.bools[i]) found[pairK[i]] = true;
            }
            return false;
        }
        boolean[] matched = build.matched();
        for (int j = 0; j < m; j++) {
            int i = pass == null ? j : pass[j];
            int k = pairK[i];
            if (type == JoinType.SINGLE && found[k]) {
                throw MallardException.Data.cardinality("More than one row returned by a subquery used as an expression");
            }
            found[k] = true;
            if (matched != null) matched[pairRow[i]] = true;
        }
        if (!emitsPairs || m == 0) return false;
        if (pass == null) pairChunk.setCount(n);
        else pairChunk.setSelection(pass, m);
        output = pairChunk;
        return true;
    }

    /** Copies pair i's left row and right row to position i of the pair chunk. */
    private void gatherPairs(int n) {
        int[] sel = input.sel();
        for (int i = 0; i < n; i++) pairPos[i] = sel == null ? pairK[i] : sel[pairK[i]];
        Vector[] cols = input.columns();
        for (int c = 0; c < leftWidth; c++) VectorOps.gather(cols[c], pairPos, n, pairChunk.column(c), 0);
        build.payload().gather(pairRow, n, pairChunk, leftWidth);
        pairChunk.setCount(n);
    }

    // ---- null check (null-aware join whose NULL-aware conjunct is hashed) ----------------------

    private void startNullCheck() {
        checkCount = 0;
        checkIndex = 0;
        checkRow = 0;
        int rows = build.rowCount();
        int[] sel = input.sel();
        Vector key0 = probeKeys[0];
        boolean buildHasNullKey = build.nullFirstKeyRows().length > 0;
        for (int k = 0; k < count; k++) {
            if (found[k]) continue;
            boolean probeNull = key0.isNull(sel == null ? k : sel[k]);
            if (rest == null) {
                // only the IN comparison: unknown if it met a NULL on either side
                maybeNull[k] = probeNull ? rows > 0 : buildHasNullKey;
            } else if (probeNull ? rows > 0 : buildHasNullKey) {
                checkRows[checkCount++] = k;
            }
        }
    }

    /** Pairs (row to check, candidate build row): all build rows for a NULL probe key, else those with a NULL key. */
    private int nextCheckPairs() {
        int[] sel = input.sel();
        int[] nullRows = build.nullFirstKeyRows();
        int rows = build.rowCount();
        int pairs = 0;
        while (checkIndex < checkCount && pairs < capacity) {
            int k = checkRows[checkIndex];
            boolean probeNull = probeKeys[0].isNull(sel == null ? k : sel[k]);
            int limit = probeNull ? rows : nullRows.length;
            if (maybeNull[k] || checkRow >= limit) {
                checkIndex++;
                checkRow = 0;
                continue;
            }
            int n = Math.min(capacity - pairs, limit - checkRow);
            for (int i = 0; i < n; i++) {
                pairK[pairs + i] = k;
                pairRow[pairs + i] = probeNull ? checkRow + i : nullRows[checkRow + i];
            }
            pairs += n;
            checkRow += n;
        }
        return pairs;
    }

    private void processCheckPairs(int n) {
        gatherPairs(n);
        int m = rest.select(pairChunk, null, n, passing);
        for (int j = 0; j < m; j++) maybeNull[pairK[passing[j]]] = true;
    }

    // ---- per-row results -----------------------------------------------------------------------

    private void emitFinal() {
        int[] sel = input.sel();
        switch (type) {
            case INNER, RIGHT, RIGHT_SEMI, RIGHT_ANTI -> { }
            case LEFT, FULL, SINGLE -> {
                int n = 0;
                for (int k = 0; k < count; k++) if (!found[k]) pairPos[n++] = sel == null ? k : sel[k];
                if (n == 0) return;
                Vector[] cols = input.columns();
                for (int c = 0; c < leftWidth; c++) VectorOps.gather(cols[c], pairPos, n, pairChunk.column(c), 0);
                for (int c = leftWidth; c < pairChunk.columnCount(); c++) VectorOps.setNulls(pairChunk.column(c), 0, n);
                pairChunk.setCount(n);
                output = pairChunk;
            }
            case SEMI, ANTI -> {
                boolean want = type == JoinType.SEMI;
                int n = 0;
                for (int k = 0; k < count; k++) {
                    boolean keep = want ? found[k] : !found[k] && !maybeNull[k];
                    if (keep) outSel[n++] = sel == null ? k : sel[k];
                }
                if (n == count) {
                    output = input;
                } else if (n > 0) {
                    if (view == null || view.columns() != input.columns()) view = new DataChunk(input.columns(), 0, null);
                    view.setSelection(outSel, n);
                    output = view;
                }
            }
            case MARK -> {
                Vector[] cols = input.columns();
                int limit = VectorOps.positionLimit(sel, count);
                if (markVector == null) {
                    markVector = new Vector(LogicalType.BOOLEAN, Math.max(limit, Vector.DEFAULT_CAPACITY));
                    markColumns = new Vector[leftWidth + 1];
                    markChunk = new DataChunk(markColumns, 0, null);
                }
                markVector.ensureCapacity(limit);
                for (int k = 0; k < count; k++) {
                    int p = sel == null ? k : sel[k];
                    if (found[k]) {
                        markVector.setNull(p, false);
                        markVector.bools[p] = true;
                    } else if (maybeNull[k]) {
                        markVector.setNull(p);
                    } else {
                        markVector.setNull(p, false);
                        markVector.bools[p] = false;
                    }
                }
                System.arraycopy(cols, 0, markColumns, 0, leftWidth);
                markColumns[leftWidth] = markVector;
                markChunk.setSelection(sel, count);
                output = markChunk;
            }
        }
    }
}
