package dev.mallard.sql.tree;

/**
 * {@code ROWS|RANGE|GROUPS start} or {@code ... BETWEEN start AND end [EXCLUDE ...]}. A frame
 * with only a start gets {@code end = CURRENT ROW} from the parser, so {@code end} is never null.
 */
public record WindowFrame(Position position, FrameUnit unit, FrameBound start, FrameBound end,
                          FrameExclusion exclusion) implements Node {
}
