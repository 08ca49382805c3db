import { Api } from 'telegram';
import { fromLong } from '../long';
import { userRoute } from '../route';

export const uploadRoutes = [
  userRoute(Api.upload.SaveFilePart, (account, request) => {
    account.server.files.savePart(account.session.uploads, fromLong(request.fileId)!, request.filePart, request.bytes, null);
    return true;
  }),
  userRoute(Api.upload.SaveBigFilePart, (account, request) => {
    account.server.files.savePart(account.session.uploads, fromLong(request.fileId)!, request.filePart, request.bytes, request.fileTotalParts);
    return true;
  }),
  userRoute(Api.upload.GetFile, (account, request) => account.server.files.read(request.location, Number(request.offset.toString()), request.limit, request.precise ?? false)),
];
