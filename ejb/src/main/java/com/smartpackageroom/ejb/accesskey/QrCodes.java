package com.smartpackageroom.ejb.accesskey;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Renders a QR token as a PNG image (ZXing). */
@ApplicationScoped
public class QrCodes {

  public static final int DEFAULT_SIZE = 300;
  public static final int MIN_SIZE = 100;
  public static final int MAX_SIZE = 1000;

  public byte[] png(String content, int size) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  content,
                  BarcodeFormat.QR_CODE,
                  size,
                  size,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      2));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // in memory: ImageIO would otherwise buffer every image through a temporary file
      try (ImageOutputStream image = new MemoryCacheImageOutputStream(out)) {
        if (!ImageIO.write(MatrixToImageWriter.toBufferedImage(matrix), "PNG", image)) {
          throw new IllegalStateException("no PNG writer");
        }
      }
      return out.toByteArray();
    } catch (WriterException e) {
      throw new IllegalStateException("QR code cannot be rendered", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
