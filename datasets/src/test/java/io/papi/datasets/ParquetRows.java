package io.papi.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a Parquet file with Apache Parquet's Java implementation (parquet-hadoop), a reader independent of DuckDB,
 * which wrote it: the column names, and every row with each value as text (an absent value as "").
 */
final class ParquetRows {
    final List<String> columns = new ArrayList<>();
    final List<List<String>> rows = new ArrayList<>();

    static ParquetRows read(Path file) throws IOException {
        ParquetRows result = new ParquetRows();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            schema.getFields().forEach(f -> result.columns.add(f.getName()));
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group group = records.read();
                    List<String> row = new ArrayList<>();
                    for (int field = 0; field < schema.getFieldCount(); field++) {
                        row.add(group.getFieldRepetitionCount(field) == 0 ? "" : group.getValueToString(field, 0));
                    }
                    result.rows.add(row);
                }
            }
        }
        return result;
    }
}
