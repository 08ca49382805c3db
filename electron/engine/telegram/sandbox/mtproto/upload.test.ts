import bigInt from 'big-integer';
import { Api } from 'telegram';
import { describe, expect, it } from 'vitest';
import { inputUser, setup, signedIn } from './test-support';

describe('MTProto upload', () => {
  it('assembles uploaded parts into a photo the recipient can download', async () => {
    const { sandbox, person, world } = setup();
    const alice = person();
    const bob = person();
    const a = await signedIn(sandbox, alice);
    const b = await signedIn(sandbox, bob);
    const bytes = Buffer.concat([Buffer.alloc(1024, 1), Buffer.from('tail')]);
    const fileId = bigInt(555);
    await a.invoke(new Api.upload.SaveFilePart({ fileId, filePart: 0, bytes: bytes.subarray(0, 1024) }));
    const incomplete = new Api.InputMediaUploadedPhoto({ file: new Api.InputFile({ id: fileId, parts: 3, name: 'p.jpg', md5Checksum: '' }) });
    await expect(a.invoke(new Api.messages.SendMedia({ peer: inputUser(bob), media: incomplete, message: '', randomId: bigInt(1) }))).rejects.toMatchObject({ errorMessage: 'FILE_PART_1_MISSING' });

    await a.invoke(new Api.upload.SaveFilePart({ fileId, filePart: 1, bytes: bytes.subarray(1024) }));
    const media = new Api.InputMediaUploadedPhoto({ file: new Api.InputFile({ id: fileId, parts: 2, name: 'p.jpg', md5Checksum: '' }) });
    const sent = (await a.invoke(new Api.messages.SendMedia({ peer: inputUser(bob), media, message: 'look', randomId: bigInt(2) }))) as Api.Updates;
    expect(sent.updates[0]).toBeInstanceOf(Api.UpdateMessageID);
    expect(world.receivedBy(bob.id)[0]!.media?.bytes.equals(bytes)).toBe(true);

    const history = (await b.invoke(new Api.messages.GetHistory({ peer: inputUser(alice), limit: 1 }))) as Api.messages.Messages;
    const message = history.messages[0] as Api.Message;
    expect(message.message).toBe('look');
    const photo = (message.media as Api.MessageMediaPhoto).photo as Api.Photo;
    const location = new Api.InputPhotoFileLocation({ id: photo.id, accessHash: photo.accessHash, fileReference: photo.fileReference, thumbSize: 'y' });
    const file = await b.invoke(new Api.upload.GetFile({ location, offset: bigInt(0), limit: 4096 }));
    expect((file as Api.upload.File).bytes.equals(bytes)).toBe(true);
    const wrong = new Api.InputPhotoFileLocation({ id: photo.id, accessHash: bigInt(1), fileReference: photo.fileReference, thumbSize: 'y' });
    await expect(b.invoke(new Api.upload.GetFile({ location: wrong, offset: bigInt(0), limit: 4096 }))).rejects.toMatchObject({ errorMessage: 'LOCATION_INVALID' });
  });
});
