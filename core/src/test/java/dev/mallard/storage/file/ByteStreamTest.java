package dev.mallard.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import org.junit.jupiter.api.Test;

class ByteStreamTest {
    @Test
    void valuesOfEveryWidthRoundTripAcrossGrowth() {
        ByteStreamOutput out = new ByteStreamOutput();
        for (int i = 0; i < 10_000; i++) {
            out.writeByte(i).writeShort(-i).writeInt(i * 31).writeLong(-i * 1_000_000_007L).writeDouble(i / 3.0);
            if (i % 100 == 0) out.writeString(i % 200 == 0 ? null : "s" + i + "é");
        }
        byte[] big = new byte[70_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 7);
        out.writeBytes(big, 0, big.length);
        ByteStreamInput in = new ByteStreamInput(out.toByteArray(), "test bytes");
        for (int i = 0; i < 10_000; i++) {
            assertThat(in.readByte()).isEqualTo((int) (byte) i);
            assertThat(in.readShort()).isEqualTo((int) (short) -i);
            assertThat(in.readInt()).isEqualTo(i * 31);
            assertThat(in.readLong()).isEqualTo(-i * 1_000_000_007L);
            assertThat(in.readDouble()).isEqualTo(i / 3.0);
            if (i % 100 == 0) assertThat(in.readString()).isEqualTo(i % 200 == 0 ? null : "s" + i + "é");
        }
        byte[] back = new byte[big.length];
        in.readBytes(back, 0, back.length);
        assertThat(back).isEqualTo(big);
        assertThat(in.atEnd()).isTrue();
        assertThatThrownBy(in::readInt).isInstanceOf(MallardException.Storage.class).hasMessageContaining("test bytes");
    }
}
